#include "planning/quickadd.h"

#include "time/weeklyrule.h"

#include <QRegularExpression>
#include <QStringList>

namespace fermata {

namespace {

constexpr int endOfWorkHour = 17; // a `by` date without a time; also when "today" stops counting

// Splits on white space; a double-quoted run is one token (quotes kept, to tell it apart).
QStringList tokenize(const QString &text)
{
    QStringList tokens;
    QString current;
    bool quoted = false;
    for (const QChar c : text) {
        if (c == QLatin1Char('"')) {
            current += c;
            quoted = !quoted;
        } else if (c.isSpace() && !quoted) {
            if (!current.isEmpty())
                tokens << current;
            current.clear();
        } else {
            current += c;
        }
    }
    if (!current.isEmpty())
        tokens << current;
    return tokens;
}

std::optional<int> parseDuration(const QString &token)
{
    static const QRegularExpression hm(QStringLiteral("^(?:(\\d+(?:\\.\\d+)?)h)?(?:(\\d+)m(?:in)?)?$"));
    const QRegularExpressionMatch m = hm.match(token.toLower());
    if (!m.hasMatch() || (m.captured(1).isEmpty() && m.captured(2).isEmpty()))
        return std::nullopt;
    const double hours = m.captured(1).isEmpty() ? 0.0 : m.captured(1).toDouble();
    const int minutes = int(hours * 60.0 + 0.5) + (m.captured(2).isEmpty() ? 0 : m.captured(2).toInt());
    if (minutes <= 0)
        return std::nullopt;
    return minutes;
}

std::optional<QTime> parseTime(const QString &token)
{
    static const QRegularExpression hhmm(QStringLiteral("^(\\d{1,2}):(\\d{2})$"));
    static const QRegularExpression ampm(QStringLiteral("^(\\d{1,2})(?::(\\d{2}))?(am|pm)$"));
    const QString t = token.toLower();
    if (const QRegularExpressionMatch m = hhmm.match(t); m.hasMatch()) {
        const QTime time(m.captured(1).toInt(), m.captured(2).toInt());
        return time.isValid() ? std::optional<QTime>(time) : std::nullopt;
    }
    if (const QRegularExpressionMatch m = ampm.match(t); m.hasMatch()) {
        int h = m.captured(1).toInt();
        if (h < 1 || h > 12)
            return std::nullopt;
        h = h % 12 + (m.captured(3) == u"pm" ? 12 : 0);
        const QTime time(h, m.captured(2).isEmpty() ? 0 : m.captured(2).toInt());
        return time.isValid() ? std::optional<QTime>(time) : std::nullopt;
    }
    return std::nullopt;
}

int weekdayOf(const QString &token)
{
    static const char *const names[] = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
    const QString t = token.toLower();
    if (t.size() < 3)
        return 0;
    for (int i = 0; i < 7; ++i) {
        const QString full = QLatin1String(names[i]);
        if (full.startsWith(t)) // "fri", "frid", "friday"
            return i + 1;
    }
    return 0;
}

struct DateWord
{
    QDate date;
    bool ok = false;
    QString error; // a date-like word that is not a date
};

DateWord parseDate(const QString &token, const QDateTime &localNow)
{
    const QString t = token.toLower();
    const QDate today = localNow.date();
    if (t == u"today")
        return {today, true, {}};
    if (t == u"tomorrow" || t == u"tmr")
        return {today.addDays(1), true, {}};
    if (const int wd = weekdayOf(t)) {
        int ahead = (wd - today.dayOfWeek() + 7) % 7;
        if (ahead == 0 && localNow.time() >= QTime(endOfWorkHour, 0))
            ahead = 7;
        return {today.addDays(ahead), true, {}};
    }
    static const QRegularExpression iso(QStringLiteral("^\\d{4}-\\d{1,2}-\\d{1,2}$"));
    if (iso.match(t).hasMatch()) {
        const QStringList parts = t.split(QLatin1Char('-'));
        const QDate d(parts[0].toInt(), parts[1].toInt(), parts[2].toInt());
        if (!d.isValid())
            return {{}, false, QStringLiteral("'%1' is not a date").arg(token)};
        return {d, true, {}};
    }
    return {};
}

} // namespace

Task ParsedTask::toTask() const
{
    Task t;
    t.title = title;
    if (estimateMinutes) {
        t.estimateMinutes = *estimateMinutes;
        t.remainingMinutes = *estimateMinutes;
    }
    t.deadline = deadline;
    t.earliestStart = earliestStart;
    if (priority)
        t.priority = *priority;
    t.preferredDayPart = preferredDayPart;
    return t;
}

Result<ParsedTask> QuickAdd::parse(const QString &text, const QDateTime &now, const QTimeZone &zone)
{
    const QTimeZone tz = zone.isValid() ? zone : QTimeZone(QByteArrayLiteral("UTC"));
    const QDateTime localNow = now.toTimeZone(tz);
    const QStringList tokens = tokenize(text.trimmed());
    ParsedTask out;
    QStringList title;
    for (qsizetype i = 0; i < tokens.size(); ++i) {
        const QString &tok = tokens[i];
        const QString low = tok.toLower();
        if (!out.estimateMinutes) {
            if (const std::optional<int> d = parseDuration(tok)) {
                out.estimateMinutes = d;
                continue;
            }
        }
        if (!out.priority && low.size() == 2 && low[0] == u'p' && low[1] >= u'1' && low[1] <= u'4') {
            out.priority = Priority(low[1].unicode() - u'0');
            continue;
        }
        if (out.preferredDayPart == DayPart::Any && (low == u"morning" || low == u"afternoon")) {
            out.preferredDayPart = low == u"morning" ? DayPart::Morning : DayPart::Afternoon;
            continue;
        }
        if ((low == u"by" || low == u"from") && i + 1 < tokens.size()) {
            const bool by = low == u"by";
            QDateTime &target = by ? out.deadline : out.earliestStart;
            if (!target.isValid()) {
                const DateWord d = parseDate(tokens[i + 1], localNow);
                if (!d.error.isEmpty())
                    return Error{Error::Code::Invalid, d.error};
                if (d.ok) {
                    QTime time = by ? QTime(endOfWorkHour, 0) : QTime(0, 0);
                    i += 1;
                    if (i + 1 < tokens.size()) {
                        if (const std::optional<QTime> t = parseTime(tokens[i + 1])) {
                            time = *t;
                            i += 1;
                        }
                    }
                    target = resolveWallClock(d.date, time, tz).toUTC();
                    continue;
                }
            }
        }
        if (low == u"after" && i + 1 < tokens.size() && out.afterTitle.isEmpty()) {
            QString name = tokens[i + 1];
            if (name.size() >= 2 && name.startsWith(QLatin1Char('"')) && name.endsWith(QLatin1Char('"')))
                name = name.mid(1, name.size() - 2).trimmed();
            if (!name.isEmpty() && !name.contains(QLatin1Char('"'))) {
                out.afterTitle = name;
                i += 1;
                continue;
            }
        }
        title << tok;
    }
    out.title = title.join(QLatin1Char(' '));
    if (out.title.isEmpty())
        return Error{Error::Code::Invalid, QStringLiteral("the task needs a title, e.g. \"Write report 2h by fri\"")};
    if (out.deadline.isValid() && out.earliestStart.isValid() && out.deadline <= out.earliestStart)
        return Error{Error::Code::Invalid, QStringLiteral("the deadline is not after the start date")};
    return out;
}

} // namespace fermata
