#pragma once

#include "model/commitment.h"
#include "result.h"

#include <QWidget>

#include <optional>

class QLabel;
class QTimeZone;

namespace fermata {

class TaskService;
class TeamSync;
struct ParsedTask;

// Under the quick-add line: what Enter would add ("Adds “Write report” · 2 h · due Thu 10 Dec,
// 17:00 · P1 · after Ada’s ‘API spec’ (planned to finish Wed) · shared with your team"), and,
// before anything is added, whatever the line did not understand or cannot do.
class QuickAddPreview final : public QWidget
{
    Q_OBJECT
public:
    explicit QuickAddPreview(const TaskService &tasks, QWidget *parent = nullptr);
    // The team hub `share` and `after Ada's "…"` need; null: none in this window.
    void setTeam(const TeamSync *team) { m_team = team; }
    bool isTeamJoined() const;

    // The teammate's commitment `after Ada's "API spec"` names, from the team's copy; the
    // error says in words why there is none (not joined, nobody called Ada, no such title).
    static Result<TeammateCommitment> resolveCommitment(const ParsedTask &parsed, const TaskService &tasks,
                                                        bool teamJoined);

    // Reads `text` as quick-add would at `now` in `zone`; hidden for an empty line.
    void preview(const QString &text, const QDateTime &now, const QTimeZone &zone);
    QString summaryText() const;
    // What was not understood, or why the line cannot be added; empty when all is well.
    QString problemText() const;

private:
    QString describe(const ParsedTask &parsed, const std::optional<TeammateCommitment> &commitment,
                     const QDateTime &now, const QTimeZone &zone) const;
    void setTexts(const QString &summary, const QString &problem);

    const TaskService &m_tasks;
    const TeamSync *m_team = nullptr;
    QLabel *m_summary = nullptr;
    QLabel *m_problem = nullptr;
};

} // namespace fermata
