#pragma once

#include <QGroupBox>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace fermata {

class AttentionService;
class DndController;

// Where notifications come from, in Preferences → Check-in: the opt-in loopback HTTP endpoint
// (enable, port, the bearer token read-only with Copy once it exists) and which desktop
// Do-Not-Disturb adapter Fermata uses.
class HttpIntakeBox final : public QGroupBox
{
    Q_OBJECT
public:
    HttpIntakeBox(const AttentionService &attention, const DndController *dnd, QWidget *parent = nullptr);

    bool isEnabledChecked() const;
    quint16 port() const;

    QCheckBox *enableBox() const { return m_enable; }
    QSpinBox *portBox() const { return m_port; }
    QLineEdit *tokenEdit() const { return m_token; }
    QPushButton *copyButton() const { return m_copy; }
    QLabel *dndLabel() const { return m_dnd; }

    static QString dndText(const DndController *dnd);

Q_SIGNALS:
    void edited();

private:
    void updateState();

    const AttentionService &m_attention;
    QCheckBox *m_enable = nullptr;
    QSpinBox *m_port = nullptr;
    QLineEdit *m_token = nullptr;
    QPushButton *m_copy = nullptr;
    QLabel *m_tokenNote = nullptr;
    QLabel *m_dnd = nullptr;
};

} // namespace fermata
