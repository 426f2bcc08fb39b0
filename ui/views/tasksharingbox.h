#pragma once

#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;

namespace fermata {

class TeamSync;

// In the task details: whether my team sees the task, and the note they see with it. Unlike
// the other fields it acts at once (TeamSync::share / unshare, not Apply), and it is not
// undone with Ctrl+Z: what the team saw cannot be taken back. Disabled, saying how to join,
// while no team hub is joined.
class TaskSharingBox final : public QWidget
{
    Q_OBJECT
public:
    static constexpr int maxNoteLength = 1000; // as the hub allows

    // `team` may be null (no hub in this window): the box is then disabled.
    explicit TaskSharingBox(TeamSync *team, QWidget *parent = nullptr);

    // The task shown; 0 for none.
    void setTaskId(qint64 taskId);

    QCheckBox *sharedBox() const { return m_shared; }
    QLineEdit *noteEdit() const { return m_note; }
    // "Not on the hub yet", why sharing is unavailable, or what went wrong; empty: nothing.
    QString statusText() const;

private:
    bool isAvailable() const;
    void refresh();
    void shareOrUnshare(bool shared);
    void saveNote();
    void showStatus(const QString &text, bool problem);

    TeamSync *m_team = nullptr;
    qint64 m_taskId = 0;
    int m_pending = 0; // my share and unshare requests not answered yet
    QCheckBox *m_shared = nullptr;
    QLabel *m_noteLabel = nullptr;
    QLineEdit *m_note = nullptr;
    QLabel *m_status = nullptr;
};

} // namespace fermata
