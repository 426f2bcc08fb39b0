#include "views/quickaddpreview.h"
#include "models/whentext.h"

#include "messaging/teamsync.h"
#include "models/commitmenttext.h"
#include "models/durationtext.h"
#include "planning/quickadd.h"
#include "tasks/taskservice.h"
#include "widgets/palettecolors.h"

#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

namespace fermata {

namespace {

// "Thu 10 Dec, 17:00" in the person's zone; the year only when it is not this year's.
QString dateText(const QDateTime &instant, const QDateTime &now, const QTimeZone &zone)
{
    const QDateTime local = instant.toTimeZone(zone);
    const QLocale locale;
    const bool thisYear = local.date().year() == now.toTimeZone(zone).date().year();
    const QString day = WhenText::day(local.date(), thisYear ? WhenText::DayStyle::WeekdayDayMonth
                                                             : WhenText::DayStyle::WeekdayDayMonthYear, locale);
    return QuickAddPreview::tr("%1, %2").arg(day, WhenText::time(local.time(), locale));
}

} // namespace

QuickAddPreview::QuickAddPreview(const TaskService &tasks, QWidget *parent)
    : QWidget(parent), m_tasks(tasks), m_summary(new QLabel(this)), m_problem(new QLabel(this))
{
    setObjectName(QStringLiteral("quickAddPreview"));
    m_summary->setObjectName(QStringLiteral("quickAddSummary"));
    // One line: a word-wrapped label asks for more height than it uses, and the table jumps.
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred); // a long title never widens the view
    QPalette muted = m_summary->palette();
    muted.setColor(QPalette::WindowText, PaletteColors::mutedText(palette()));
    m_summary->setPalette(muted);

    m_problem->setObjectName(QStringLiteral("quickAddProblem"));
    m_problem->setWordWrap(true);
    m_problem->setTextFormat(Qt::PlainText);
    QPalette warning = m_problem->palette();
    warning.setColor(QPalette::Window, PaletteColors::warningFill(palette()));
    m_problem->setPalette(warning);
    m_problem->setAutoFillBackground(true);
    m_problem->setMargin(4);

    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 0, 2, 0);
    layout->setSpacing(4);
    layout->addWidget(m_summary);
    layout->addWidget(m_problem);
    setTexts({}, {});
}

void QuickAddPreview::preview(const QString &text, const QDateTime &now, const QTimeZone &zone)
{
    if (text.trimmed().isEmpty()) {
        setTexts({}, {});
        return;
    }
    const Result<ParsedTask> parsed = QuickAdd::parse(text.trimmed(), now, zone);
    if (!parsed) {
        setTexts({}, parsed.error().message);
        return;
    }
    QStringList problems;
    if (!parsed->notUnderstood.isEmpty()) {
        QStringList quoted;
        for (const QString &phrase : parsed->notUnderstood)
            quoted << tr("“%1”").arg(phrase);
        problems << tr("Not understood, kept in the title: %1").arg(quoted.join(tr(", ")));
    }
    std::optional<TeammateCommitment> commitment;
    if (!parsed->afterOwner.isEmpty()) {
        if (const Result<TeammateCommitment> found = resolveCommitment(*parsed, m_tasks, isTeamJoined()); found)
            commitment = *found;
        else
            problems << found.error().message;
    } else if (!parsed->afterTitle.isEmpty() && m_tasks.idByTitle(parsed->afterTitle) == 0) {
        problems << tr("No task called “%1” to wait for: check the title.").arg(parsed->afterTitle);
    }
    if (parsed->share && !isTeamJoined())
        problems << tr("Sharing needs a team hub (Preferences → Team): the task will be added unshared.");
    setTexts(describe(*parsed, commitment, now, zone), problems.join(QLatin1Char('\n')));
}

bool QuickAddPreview::isTeamJoined() const
{
    return m_team && m_team->isJoined();
}

Result<TeammateCommitment> QuickAddPreview::resolveCommitment(const ParsedTask &parsed, const TaskService &tasks,
                                                              bool teamJoined)
{
    const Result<QList<TeammateCommitment>> theirs = tasks.teammateCommitments();
    if (!theirs)
        return theirs.error();
    const Result<TeammateCommitment> found = QuickAdd::findCommitment(parsed.afterOwner, parsed.afterTitle, *theirs);
    if (found)
        return found;
    if (theirs->isEmpty() && !teamJoined)
        return Error{Error::Code::NotFound, tr("Waiting for %1’s work needs a team hub: join one in Preferences → Team.")
                                                .arg(parsed.afterOwner)};
    // The core's words name the command line; these name what the window offers.
    QString owner;
    int startingSo = 0;
    for (const TeammateCommitment &c : *theirs) {
        if (c.ownerName.compare(parsed.afterOwner, Qt::CaseInsensitive) != 0
            && c.commitment.ownerRole.compare(parsed.afterOwner, Qt::CaseInsensitive) != 0)
            continue;
        owner = c.displayName();
        if (c.commitment.title.startsWith(parsed.afterTitle, Qt::CaseInsensitive))
            ++startingSo;
    }
    if (owner.isEmpty())
        return Error{Error::Code::NotFound, tr("Nobody called %1 shares work with your team: check the name.")
                                                .arg(parsed.afterOwner)};
    if (startingSo > 1)
        return Error{Error::Code::NotFound, tr("%1 shares %2 commitments starting “%3”: write more of the title.")
                                                .arg(owner).arg(startingSo).arg(parsed.afterTitle)};
    return Error{Error::Code::NotFound, tr("%1 shares nothing called “%2”: check the title.").arg(owner, parsed.afterTitle)};
}

QString QuickAddPreview::describe(const ParsedTask &parsed, const std::optional<TeammateCommitment> &commitment,
                                  const QDateTime &now, const QTimeZone &zone) const
{
    QStringList parts{tr("Adds “%1”").arg(parsed.title)};
    if (parsed.estimateMinutes)
        parts << DurationText::format(*parsed.estimateMinutes);
    if (parsed.deadline.isValid())
        parts << tr("due %1").arg(dateText(parsed.deadline, now, zone));
    if (parsed.earliestStart.isValid())
        parts << tr("from %1").arg(dateText(parsed.earliestStart, now, zone));
    if (parsed.priority)
        parts << priorityName(*parsed.priority);
    if (parsed.preferredDayPart == DayPart::Morning)
        parts << tr("mornings");
    else if (parsed.preferredDayPart == DayPart::Afternoon)
        parts << tr("afternoons");
    if (commitment) {
        parts << CommitmentText::after(*commitment, now, zone);
    } else if (!parsed.afterOwner.isEmpty()) {
        parts << tr("after %1’s ‘%2’").arg(parsed.afterOwner, parsed.afterTitle); // the problem line says why not
    } else if (!parsed.afterTitle.isEmpty()) {
        parts << tr("after “%1”").arg(parsed.afterTitle);
    }
    if (parsed.share && isTeamJoined())
        parts << tr("shared with your team");
    return parts.join(tr(" · "));
}

QString QuickAddPreview::summaryText() const
{
    return m_summary->isHidden() ? QString() : m_summary->text();
}

QString QuickAddPreview::problemText() const
{
    return m_problem->isHidden() ? QString() : m_problem->text();
}

void QuickAddPreview::setTexts(const QString &summary, const QString &problem)
{
    m_summary->setText(summary);
    m_summary->setToolTip(summary);
    m_summary->setVisible(!summary.isEmpty());
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
    setVisible(!summary.isEmpty() || !problem.isEmpty());
}

} // namespace fermata
