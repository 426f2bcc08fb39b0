#pragma once

#include "model/commitment.h"
#include "model/task.h"
#include "result.h"

#include <QDateTime>
#include <QLocale>
#include <QString>
#include <QStringList>
#include <QTimeZone>

#include <optional>

namespace fermata {

// What one quick-add line says about a new task. Fields the line did not mention are empty.
struct ParsedTask
{
    QString title;
    std::optional<int> estimateMinutes;   // "3h", "45m", "1h30m", "1.5h"
    QDateTime deadline;                   // "by fri", "by 2026-12-03 17:00" (UTC); invalid: none
    QDateTime earliestStart;              // "from mon" (UTC); invalid: none
    std::optional<Priority> priority;     // "p1" .. "p4"
    DayPart preferredDayPart = DayPart::Any; // "morning", "afternoon"
    QString afterTitle;                   // `after "Write report"`: the caller resolves it
    QString afterOwner;                   // `after Ada's "API spec"`: a teammate's commitment
                                          // (afterTitle is its title); findCommitment() resolves it
    bool share = false;                   // "share": share the new task with the team once added
    // Phrases that look like instructions but were not read ("by the store", "p5", a second
    // estimate); they stay in the title, and the caller shows them before adding the task.
    QStringList notUnderstood;

    // A task with these fields over the model's defaults (estimate also sets remaining).
    Task toTask() const;
    bool operator==(const ParsedTask &) const = default;
};

// Parses a quick-add line such as `Write report 3h by fri p1`. Pure: the caller passes the
// current instant and the person's zone.
//
// Dates: `today`, `tomorrow`, a weekday (`fri`, `friday`), `next wed` (that weekday in the
// next week, weeks starting on the locale's first day), `YYYY-MM-DD`, a month and day
// (`dec 10`, `10 december`, optionally a year), or a numeric `12/10` / `12.10.` (optionally
// with a year) read in the locale's date order, or the only valid order when one number is
// over 12. Any of them may be followed by a time (`17:00`, `5pm`, `9am`). A weekday means its
// next occurrence; today counts while it is still before 17:00 there. A month-day form
// without a year that has passed this year means next year. Dates are wall-clock dates in
// `zone`. A `by` date without a time means 17:00; a `from` date without a time means 00:00.
// The word `share` (any case, a word of its own: not "shared", not inside quotes, not the
// first word, which is the title's: "Share slides 1h") asks the caller to share the task with
// the team once it is added.
// Words that are none of these stay in the title, in their order.
class QuickAdd final
{
public:
    static Result<ParsedTask> parse(const QString &text, const QDateTime &now, const QTimeZone &zone,
                                    const QLocale &locale = QLocale());
    // The teammate's commitment `after Ada's "API spec"` names: the owner by name or login (any
    // case), the title exact or a unique prefix (any case). NotFound says what to do otherwise.
    static Result<TeammateCommitment> findCommitment(const QString &owner, const QString &title,
                                                     const QList<TeammateCommitment> &commitments);
    // True when the locale writes the month before the day in numeric dates (en_US: 12/10).
    static bool isMonthFirst(const QLocale &locale);
};

} // namespace fermata
