#include "planning/quickadd.h"

#include "time/weeklyrule.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QStringList>

namespace {

// Messages people read, filed under the planning context of the core's translations.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(fermata::Planning)
};

} // namespace

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

int monthOf(const QString &token)
{
    static const char *const names[] = {"january", "february", "march", "april", "may", "june", "july",
                                        "august", "september", "october", "november", "december"};
    const QString t = token.toLower();
    if (t.size() < 3)
        return 0;
    if (t == u"sept")
        return 9;
    for (int i = 0; i < 12; ++i) {
        if (QLatin1String(names[i]).startsWith(t)) // "dec", "decem", "december"
            return i + 1;
    }
    return 0;
}

// "10", "10th", "1st," -> 10, 1; 0 when not a day of the month.
int dayNumberOf(const QString &token)
{
    static const QRegularExpression day(QStringLiteral("^(\\d{1,2})(?:st|nd|rd|th)?,?$"));
    const QRegularExpressionMatch m = day.match(token.toLower());
    if (!m.hasMatch())
        return 0;
    const int n = m.captured(1).toInt();
    return n >= 1 && n <= 31 ? n : 0;
}

// A date phrase starting at one token: the date, how many tokens it took (0: not a date), or
// an error for a date-like phrase that is no date ("2026-02-30").
struct DateWord
{
    QDate date;
    int used = 0;
    QString error;
};

DateWord notADate(const QString &phrase)
{
    return {{}, 0, Text::tr("“%1” is not a date").arg(phrase)};
}

// A month and day without a year that has passed means next year's (today has not passed).
QDate monthDay(int month, int day, int year, const QDate &today)
{
    if (year > 0)
        return QDate(year, month, day);
    QDate date(today.year(), month, day);
    if (date.isValid() && date < today)
        date = QDate(today.year() + 1, month, day);
    else if (!date.isValid() && month == 2 && day == 29)
        date = QDate(today.year() + 1, month, day); // 29 Feb: the next leap year, if it is next
    return date;
}

DateWord parseWeekday(const QStringList &tokens, qsizetype at, const QDateTime &localNow, const QLocale &locale)
{
    const QDate today = localNow.date();
    const QString t = tokens[at].toLower();
    if (const int wd = weekdayOf(t)) {
        int ahead = (wd - today.dayOfWeek() + 7) % 7;
        if (ahead == 0 && localNow.time() >= QTime(endOfWorkHour, 0))
            ahead = 7;
        return {today.addDays(ahead), 1, {}};
    }
    if (t == u"next" && at + 1 < tokens.size()) {
        if (const int wd = weekdayOf(tokens[at + 1])) {
            const int first = int(locale.firstDayOfWeek());
            const QDate nextWeek = today.addDays(7 - (today.dayOfWeek() - first + 7) % 7);
            return {nextWeek.addDays((wd - first + 7) % 7), 2, {}};
        }
    }
    return {};
}

// "12/10", "12/10/2026", "10.12.", "10.12.26": in the locale's order unless only the other
// order is a valid date.
DateWord parseNumericDate(const QString &token, const QDate &today, const QLocale &locale)
{
    static const QRegularExpression numeric(QStringLiteral("^(\\d{1,2})([/.])(\\d{1,2})(?:\\2(\\d{4}|\\d{2})?)?$"));
    const QRegularExpressionMatch m = numeric.match(token);
    if (!m.hasMatch())
        return {};
    const int a = m.captured(1).toInt();
    const int b = m.captured(3).toInt();
    int year = m.captured(4).isEmpty() ? 0 : m.captured(4).toInt();
    if (year > 0 && year < 100)
        year += 2000;
    const bool monthFirst = QuickAdd::isMonthFirst(locale);
    const auto valid = [](int month, int day) { return month >= 1 && month <= 12 && QDate(2000, month, day).isValid(); };
    int month = monthFirst ? a : b;
    int day = monthFirst ? b : a;
    if (!valid(month, day))
        std::swap(month, day);
    if (!valid(month, day))
        return notADate(token);
    const QDate date = monthDay(month, day, year, today);
    if (!date.isValid())
        return notADate(token);
    return {date, 1, {}};
}

// "dec 10", "december 10th 2027", "10 dec", "10 december 2027".
DateWord parseMonthName(const QStringList &tokens, qsizetype at, const QDate &today)
{
    if (at + 1 >= tokens.size())
        return {};
    int month = monthOf(tokens[at]);
    int day = dayNumberOf(tokens[at + 1]);
    if (month == 0 || day == 0) {
        month = monthOf(tokens[at + 1]);
        day = dayNumberOf(tokens[at]);
    }
    if (month == 0 || day == 0)
        return {};
    int used = 2;
    int year = 0;
    static const QRegularExpression fourDigits(QStringLiteral("^\\d{4}$"));
    if (at + 2 < tokens.size() && fourDigits.match(tokens[at + 2]).hasMatch()) {
        year = tokens[at + 2].toInt();
        used = 3;
    }
    const QDate date = monthDay(month, day, year, today);
    if (!date.isValid())
        return notADate(tokens.mid(at, used).join(QLatin1Char(' ')));
    return {date, used, {}};
}

DateWord parseDate(const QStringList &tokens, qsizetype at, const QDateTime &localNow, const QLocale &locale)
{
    const QString t = tokens[at].toLower();
    const QDate today = localNow.date();
    if (t == u"today")
        return {today, 1, {}};
    if (t == u"tomorrow" || t == u"tmr")
        return {today.addDays(1), 1, {}};
    if (const DateWord d = parseWeekday(tokens, at, localNow, locale); d.used > 0)
        return d;
    static const QRegularExpression iso(QStringLiteral("^\\d{4}-\\d{1,2}-\\d{1,2}$"));
    if (iso.match(t).hasMatch()) {
        const QStringList parts = t.split(QLatin1Char('-'));
        const QDate d(parts[0].toInt(), parts[1].toInt(), parts[2].toInt());
        if (!d.isValid())
            return notADate(tokens[at]);
        return {d, 1, {}};
    }
    if (const DateWord d = parseNumericDate(t, today, locale); d.used > 0 || !d.error.isEmpty())
        return d;
    return parseMonthName(tokens, at, today);
}

// A word quick-add reads by itself (a keyword, an estimate, a priority, a part of the day).
bool isInstruction(const QString &token)
{
    static const QRegularExpression priorityLike(QStringLiteral("^p\\d+$"));
    const QString t = token.toLower();
    return t == u"by" || t == u"from" || t == u"after" || t == u"morning" || t == u"afternoon" || t == u"share"
        || priorityLike.match(t).hasMatch() || parseDuration(t).has_value();
}

// A keyword that was not followed by what it needs, for the "not understood" list: the keyword
// and the words after it up to the next instruction ("by the store" in "by the store p5").
QString phraseAt(const QStringList &tokens, qsizetype at)
{
    qsizetype end = at + 1;
    while (end < tokens.size() && !isInstruction(tokens[end]))
        ++end;
    return tokens.mid(at, end - at).join(QLatin1Char(' '));
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

namespace {

// One pass over the tokens; each take… reads its phrase at m_i and says whether it did.
class LineParser
{
public:
    LineParser(const QString &text, const QDateTime &localNow, const QTimeZone &zone, const QLocale &locale)
        : m_tokens(tokenize(text.trimmed())), m_localNow(localNow), m_zone(zone), m_locale(locale)
    {
    }

    Result<ParsedTask> run()
    {
        QStringList title;
        for (m_i = 0; m_i < m_tokens.size(); ++m_i) {
            if (takeEstimate() || takePriority() || takeDayPart() || takeShare() || takeAfter())
                continue;
            const Result<bool> date = takeDate();
            if (!date)
                return date.error();
            if (*date)
                continue;
            title << m_tokens[m_i];
        }
        m_out.title = title.join(QLatin1Char(' '));
        return m_out;
    }

private:
    const QString &token() const { return m_tokens[m_i]; }
    void notUnderstood(const QString &phrase)
    {
        if (!m_out.notUnderstood.contains(phrase))
            m_out.notUnderstood << phrase;
    }

    bool takeEstimate()
    {
        const std::optional<int> minutes = parseDuration(token());
        if (!minutes)
            return false;
        static const QRegularExpression minutesOnly(QStringLiteral("^\\d+m(?:in)?$"));
        if (!m_out.estimateMinutes) {
            m_out.estimateMinutes = minutes;
            m_estimateAt = m_i;
            return true;
        }
        // "2h 30m": minutes right after whole hours add to them.
        if (m_estimateAt == m_i - 1 && token().size() > 0 && m_tokens[m_estimateAt].endsWith(u'h', Qt::CaseInsensitive)
            && minutesOnly.match(token().toLower()).hasMatch()) {
            *m_out.estimateMinutes += *minutes;
            return true;
        }
        notUnderstood(token()); // a second estimate
        return false;
    }

    bool takePriority()
    {
        static const QRegularExpression priorityLike(QStringLiteral("^p\\d+$"));
        const QString low = token().toLower();
        if (!priorityLike.match(low).hasMatch())
            return false;
        const int level = low.mid(1).toInt();
        if (!m_out.priority && level >= 1 && level <= 4) {
            m_out.priority = Priority(level);
            return true;
        }
        notUnderstood(token()); // "p5", or a second priority
        return false;
    }

    bool takeDayPart()
    {
        const QString low = token().toLower();
        if (m_out.preferredDayPart != DayPart::Any || (low != u"morning" && low != u"afternoon"))
            return false;
        m_out.preferredDayPart = low == u"morning" ? DayPart::Morning : DayPart::Afternoon;
        return true;
    }

    // `share`, a word of its own (a quoted "share" is one token with its quotes). Not as the
    // first word: "Share slides with Bob" is a title that starts with a verb.
    bool takeShare()
    {
        if (m_i == 0 || token().compare(u"share", Qt::CaseInsensitive) != 0)
            return false;
        m_out.share = true;
        return true;
    }

    // `after Ada's "API spec"` (also ’s, and 'API spec' or ‘API spec’): a teammate's commitment.
    bool takeAfterCommitment()
    {
        static const QRegularExpression possessive(QStringLiteral("^(.+)['\u2019]s$"));
        const QRegularExpressionMatch owner = possessive.match(m_tokens[m_i + 1]);
        if (!owner.hasMatch() || m_i + 2 >= m_tokens.size())
            return false;
        // The title: one "…" token, or the words from an opening ' or ‘ to a closing ' or ’.
        static const QString opening = QStringLiteral("\"'\u2018\u201C");
        static const QString closing = QStringLiteral("\"'\u2019\u201D");
        const QString first = m_tokens[m_i + 2];
        if (first.isEmpty() || !opening.contains(first.front()))
            return false;
        QStringList words;
        qsizetype end = m_i + 2;
        for (; end < m_tokens.size(); ++end) {
            words << m_tokens[end];
            const QString &word = m_tokens[end];
            if ((end > m_i + 2 || word.size() >= 2) && closing.contains(word.back()))
                break;
        }
        if (end >= m_tokens.size())
            return false;
        const QString joined = words.join(QLatin1Char(' '));
        const QString title = joined.mid(1, joined.size() - 2).trimmed();
        if (title.isEmpty() || !m_out.afterTitle.isEmpty()) {
            notUnderstood(phraseAt(m_tokens, m_i));
            return false;
        }
        m_out.afterOwner = owner.captured(1);
        m_out.afterTitle = title;
        m_i = end;
        return true;
    }

    bool takeAfter()
    {
        if (token().compare(u"after", Qt::CaseInsensitive) != 0 || m_i + 1 >= m_tokens.size())
            return false;
        if (takeAfterCommitment())
            return true;
        QString name = m_tokens[m_i + 1];
        if (name.size() >= 2 && name.startsWith(QLatin1Char('"')) && name.endsWith(QLatin1Char('"')))
            name = name.mid(1, name.size() - 2).trimmed();
        if (!m_out.afterTitle.isEmpty() || name.isEmpty() || name.contains(QLatin1Char('"'))) {
            notUnderstood(phraseAt(m_tokens, m_i));
            return false;
        }
        m_out.afterTitle = name;
        m_i += 1;
        return true;
    }

    // `by DATE [TIME]` or `from DATE [TIME]`; an error for a date-like phrase that is no date.
    Result<bool> takeDate()
    {
        const QString low = token().toLower();
        if ((low != u"by" && low != u"from") || m_i + 1 >= m_tokens.size())
            return false;
        const bool by = low == u"by";
        QDateTime &target = by ? m_out.deadline : m_out.earliestStart;
        const DateWord d = parseDate(m_tokens, m_i + 1, m_localNow, m_locale);
        if (!d.error.isEmpty())
            return Error{Error::Code::Invalid, d.error};
        if (d.used == 0 || target.isValid()) {
            notUnderstood(phraseAt(m_tokens, m_i));
            return false;
        }
        QTime time = by ? QTime(endOfWorkHour, 0) : QTime(0, 0);
        m_i += d.used;
        if (m_i + 1 < m_tokens.size()) {
            if (const std::optional<QTime> t = parseTime(m_tokens[m_i + 1])) {
                time = *t;
                m_i += 1;
            }
        }
        target = resolveWallClock(d.date, time, m_zone).toUTC();
        return true;
    }

    const QStringList m_tokens;
    const QDateTime m_localNow;
    const QTimeZone m_zone;
    const QLocale m_locale;
    ParsedTask m_out;
    qsizetype m_i = 0;
    qsizetype m_estimateAt = -1;
};

} // namespace

Result<TeammateCommitment> QuickAdd::findCommitment(const QString &owner, const QString &title,
                                                    const QList<TeammateCommitment> &commitments)
{
    QList<TeammateCommitment> theirs;
    for (const TeammateCommitment &c : commitments) {
        if (c.ownerName.compare(owner, Qt::CaseInsensitive) == 0
            || c.commitment.ownerRole.compare(owner, Qt::CaseInsensitive) == 0)
            theirs.append(c);
    }
    if (theirs.isEmpty())
        return Error{Error::Code::NotFound,
                     Text::tr("Nobody called %1 shares a commitment — 'fermata hub commitments' lists them.").arg(owner)};
    const auto pick = [&](auto matches) -> std::optional<QList<TeammateCommitment>> {
        QList<TeammateCommitment> found;
        for (const TeammateCommitment &c : theirs) {
            if (matches(c.commitment.title))
                found.append(c);
        }
        return found.isEmpty() ? std::nullopt : std::optional(found);
    };
    std::optional<QList<TeammateCommitment>> found = pick([&](const QString &t) { return t == title; });
    if (!found)
        found = pick([&](const QString &t) { return t.startsWith(title, Qt::CaseInsensitive); });
    const QString whose = theirs.constFirst().displayName();
    if (!found)
        return Error{Error::Code::NotFound, Text::tr("%1 shares no commitment called '%2' — "
                                                     "'fermata hub commitments' lists them.").arg(whose, title)};
    if (found->size() > 1)
        return Error{Error::Code::NotFound, Text::tr("%1 shares %2 commitments starting '%3' — write more of the title.")
                                                .arg(whose).arg(found->size()).arg(title)};
    return found->constFirst();
}

bool QuickAdd::isMonthFirst(const QLocale &locale)
{
    const QString format = locale.dateFormat(QLocale::ShortFormat);
    const qsizetype month = format.indexOf(QLatin1Char('M'));
    const qsizetype day = format.indexOf(QLatin1Char('d'));
    return month >= 0 && day >= 0 && month < day;
}

Result<ParsedTask> QuickAdd::parse(const QString &text, const QDateTime &now, const QTimeZone &zone,
                                   const QLocale &locale)
{
    const QTimeZone tz = zone.isValid() ? zone : QTimeZone(QByteArrayLiteral("UTC"));
    Result<ParsedTask> parsed = LineParser(text, now.toTimeZone(tz), tz, locale).run();
    if (!parsed)
        return parsed;
    const ParsedTask &out = *parsed;
    if (out.title.isEmpty())
        return Error{Error::Code::Invalid, Text::tr("The task needs a title, e.g. “Write report 2h by fri”.")};
    if (out.deadline.isValid() && out.earliestStart.isValid() && out.deadline <= out.earliestStart)
        return Error{Error::Code::Invalid, Text::tr("The deadline is not after the start date.")};
    return parsed;
}

} // namespace fermata
