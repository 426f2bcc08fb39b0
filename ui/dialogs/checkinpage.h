#pragma once

#include "dialogs/preferencespage.h"
#include "model/checkinwindow.h"

class QPushButton;
class QSpinBox;
class QVBoxLayout;

namespace fermata {

class AttentionService;
class BreakThroughBox;
class CheckInWindowRow;
class DndController;
class HttpIntakeBox;
class Preferences;

// Preferences → Check-in: the personal check-in windows (days, start, length), how long the
// Inbox keeps history, what may break through, and where notifications come from (loopback
// HTTP, the desktop's Do Not Disturb). Writes to AttentionService only in apply().
class CheckInPage final : public PreferencesPage
{
    Q_OBJECT
public:
    CheckInPage(AttentionService &attention, const Preferences &preferences, const DndController *dnd,
                QWidget *parent = nullptr);

    QString title() const override;
    QString validationError() const override;
    Status apply() override;

    int windowCount() const { return int(m_rows.size()); }
    CheckInWindowRow *windowRow(int index) const { return m_rows.value(index); }
    QPushButton *addWindowButton() const { return m_addWindow; }
    QSpinBox *historyBox() const { return m_history; }
    BreakThroughBox *breakThrough() const { return m_breakThrough; }
    HttpIntakeBox *http() const { return m_http; }

    void addWindow();

private:
    QWidget *buildWindowsGroup();
    CheckInWindowRow *appendRow();
    QList<CheckInWindow> editedWindows() const;
    Status applyHttp();

    AttentionService &m_attention;
    const Preferences &m_preferences;
    QVBoxLayout *m_rowLayout = nullptr;
    QList<CheckInWindowRow *> m_rows;
    QPushButton *m_addWindow = nullptr;
    QSpinBox *m_history = nullptr;
    BreakThroughBox *m_breakThrough = nullptr;
    HttpIntakeBox *m_http = nullptr;
};

} // namespace fermata
