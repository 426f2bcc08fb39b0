#pragma once

#include <QDialog>

class QLabel;
class QPushButton;

namespace fermata {

// Asked when a focus session reaches its planned end: "Done / 15 more minutes / Stop". It does
// not act itself; the choice goes out as chosen() and FocusController calls the session.
class FocusEndPrompt final : public QDialog
{
    Q_OBJECT
public:
    enum class Choice { Done, MoreTime, Stop };
    static constexpr int ExtraMinutes = 15;

    explicit FocusEndPrompt(QWidget *parent = nullptr);

    // "Write report" (empty: a session without a task) and the held count shown in the text.
    void setSession(const QString &taskTitle, int heldCount);
    QString message() const;

    QPushButton *doneButton() const { return m_done; }
    QPushButton *moreButton() const { return m_more; }
    QPushButton *stopButton() const { return m_stop; }

Q_SIGNALS:
    void chosen(fermata::FocusEndPrompt::Choice choice);

private:
    void choose(Choice choice);

    QLabel *m_title = nullptr;
    QLabel *m_text = nullptr;
    QPushButton *m_done = nullptr;
    QPushButton *m_more = nullptr;
    QPushButton *m_stop = nullptr;
};

} // namespace fermata
