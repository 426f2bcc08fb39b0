#include "views/tasksharingbox.h"

#include "messaging/teamsync.h"
#include "widgets/palettecolors.h"

#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

namespace fermata {

namespace {

const CommitmentService::Mine *sharedTask(const TeamSnapshot &snapshot, qint64 taskId)
{
    for (const CommitmentService::Mine &mine : snapshot.mine) {
        if (mine.taskId == taskId)
            return &mine;
    }
    return nullptr;
}

} // namespace

TaskSharingBox::TaskSharingBox(TeamSync *team, QWidget *parent)
    : QWidget(parent)
    , m_team(team)
    , m_shared(new QCheckBox(tr("Shared with my team"), this))
    , m_noteLabel(new QLabel(tr("Note for the tea&m"), this))
    , m_note(new QLineEdit(this))
    , m_status(new QLabel(this))
{
    setObjectName(QStringLiteral("taskSharing"));
    m_shared->setObjectName(QStringLiteral("detailsShared"));
    m_note->setObjectName(QStringLiteral("detailsTeamNote"));
    m_note->setMaxLength(maxNoteLength);
    m_note->setPlaceholderText(tr("Optional: what they should know"));
    m_note->setAccessibleName(tr("Note for the team"));
    m_noteLabel->setBuddy(m_note);
    m_note->setClearButtonEnabled(true);
    m_status->setObjectName(QStringLiteral("detailsSharingStatus"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    QFont small = m_status->font();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    m_status->setFont(small);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(m_shared);
    layout->addSpacing(4);
    layout->addWidget(m_noteLabel);
    layout->addWidget(m_note);
    layout->addWidget(m_status);

    // clicked, not toggled: only the person's clicks share, never a refresh.
    connect(m_shared, &QCheckBox::clicked, this, &TaskSharingBox::shareOrUnshare);
    connect(m_note, &QLineEdit::editingFinished, this, &TaskSharingBox::saveNote);
    if (m_team) {
        connect(m_team, &TeamSync::commitmentsChanged, this, &TaskSharingBox::refresh);
        connect(m_team, &TeamSync::statusChanged, this, &TaskSharingBox::refresh);
        connect(m_team, &TeamSync::finished, this, [this](TeamSync::Operation operation, bool ok, const QString &message) {
            if ((operation != TeamSync::Operation::Share && operation != TeamSync::Operation::Unshare) || m_pending == 0)
                return;
            --m_pending;
            refresh(); // the snapshot came first: the box shows what is true now
            if (!ok)
                showStatus(message, true);
        });
    }
    refresh();
}

void TaskSharingBox::setTaskId(qint64 taskId)
{
    if (taskId == m_taskId)
        return;
    m_taskId = taskId;
    m_note->clear();
    refresh();
}

bool TaskSharingBox::isAvailable() const
{
    return m_team && m_team->isJoined() && m_taskId != 0;
}

QString TaskSharingBox::statusText() const
{
    return m_status->isHidden() ? QString() : m_status->text();
}

void TaskSharingBox::refresh()
{
    const bool available = isAvailable();
    const QString howToJoin = tr("Sharing needs a team hub: join one in Preferences → Team.");
    m_shared->setEnabled(available);
    m_note->setEnabled(available);
    m_note->setVisible(available); // nothing to write a note for without a team
    m_noteLabel->setVisible(available);
    m_shared->setToolTip(available ? tr("Your team sees the title, estimate, due date, status and the day the "
                                        "planned work ends; never focus times or the task's notes.")
                                   : howToJoin);
    m_note->setToolTip(available ? tr("Your team sees this note with the task (up to %1 characters).").arg(maxNoteLength)
                                 : howToJoin);
    if (!available) {
        m_shared->setChecked(false);
        showStatus(m_team && m_team->isJoined() ? QString() : howToJoin, false); // joined: no task shown
        return;
    }
    if (m_pending > 0)
        return; // the answer refreshes; until then the box shows what the person asked for
    const CommitmentService::Mine *mine = sharedTask(m_team->snapshot(), m_taskId);
    m_shared->setChecked(mine != nullptr);
    if (mine && !m_note->hasFocus())
        m_note->setText(mine->commitment.publicNote);
    showStatus(mine && !mine->synced ? tr("Not on the hub yet: your team sees it after the next sync.") : QString(), false);
}

void TaskSharingBox::shareOrUnshare(bool shared)
{
    if (!isAvailable())
        return;
    ++m_pending;
    if (shared)
        m_team->share(m_taskId, m_note->text().trimmed()); // what the field shows is what they see
    else
        m_team->unshare(m_taskId);
}

void TaskSharingBox::saveNote()
{
    if (!isAvailable() || !m_shared->isChecked())
        return; // kept in the field until the task is shared
    const CommitmentService::Mine *mine = sharedTask(m_team->snapshot(), m_taskId);
    const QString note = m_note->text().trimmed();
    if (mine && mine->commitment.publicNote == note)
        return;
    ++m_pending;
    m_team->share(m_taskId, note);
}

void TaskSharingBox::showStatus(const QString &text, bool problem)
{
    m_status->setText(text);
    QPalette palette = m_status->palette();
    palette.setColor(QPalette::WindowText, problem ? this->palette().color(QPalette::WindowText)
                                                   : PaletteColors::mutedText(this->palette()));
    palette.setColor(QPalette::Window, PaletteColors::warningFill(this->palette()));
    m_status->setPalette(palette);
    m_status->setAutoFillBackground(problem);
    m_status->setMargin(problem ? 4 : 0);
    m_status->setVisible(!text.isEmpty());
}

} // namespace fermata
