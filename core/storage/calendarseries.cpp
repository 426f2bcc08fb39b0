#include "storage/calendarseries.h"

#include <QCryptographicHash>
#include <QDebug>
#include <QtEndian>

#include <algorithm>
#include <cstring>
#include <limits>

namespace fermata {

namespace {

constexpr quint8 s_format = 1;
constexpr qint64 s_julianEpoch = 2440588; // QDate(1970, 1, 1).toJulianDay()

// Little-endian fields, written and read by hand: a series is decoded for every query that
// may touch it, and QDataStream's device costs more than the fields.
class Writer
{
public:
    void byte(quint8 value) { m_bytes.append(char(value)); }
    void integer(qint64 value)
    {
        const qint64 le = qToLittleEndian(value);
        m_bytes.append(reinterpret_cast<const char *>(&le), sizeof le);
    }
    void bytes(const QByteArray &value)
    {
        integer(value.size());
        m_bytes.append(value);
    }
    void date(QDate value) { integer(value.isValid() ? value.toJulianDay() : std::numeric_limits<qint64>::min()); }
    void time(QTime value) { integer(value.isValid() ? value.msecsSinceStartOfDay() : -1); }
    QByteArray result() const { return m_bytes; }

private:
    QByteArray m_bytes;
};

class Reader
{
public:
    explicit Reader(const QByteArray &bytes) : m_data(bytes.constData()), m_left(bytes.size()) {}
    bool ok() const { return m_ok; }
    quint8 byte()
    {
        if (!take(1))
            return 0;
        return quint8(m_data[-1]);
    }
    qint64 integer()
    {
        if (!take(sizeof(qint64)))
            return 0;
        qint64 le;
        std::memcpy(&le, m_data - sizeof le, sizeof le);
        return qFromLittleEndian(le);
    }
    QByteArray bytes()
    {
        const qint64 size = integer();
        if (size < 0 || size > m_left) {
            m_ok = false;
            return {};
        }
        take(size);
        return QByteArray(m_data - size, size);
    }
    QDate date()
    {
        const qint64 day = integer();
        return day == std::numeric_limits<qint64>::min() ? QDate() : QDate::fromJulianDay(day);
    }
    QTime time()
    {
        const qint64 ms = integer();
        return ms < 0 || ms >= 86400000 ? QTime() : QTime::fromMSecsSinceStartOfDay(int(ms));
    }
    // A count of items, each at least `itemBytes` long: never more than the bytes left.
    qint64 count(qint64 itemBytes)
    {
        const qint64 n = integer();
        if (n < 0 || n * itemBytes > m_left)
            m_ok = false;
        return m_ok ? n : 0;
    }

private:
    bool take(qint64 n)
    {
        if (!m_ok || n > m_left) {
            m_ok = false;
            return false;
        }
        m_data += n;
        m_left -= n;
        return true;
    }
    const char *m_data;
    qint64 m_left;
    bool m_ok = true;
};

// Two decimal digits of 0..99.
void put2(char *text, int value)
{
    static constexpr char pairs[] = "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
                                    "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
                                    "8081828384858687888990919293949596979899";
    text[0] = pairs[2 * value];
    text[1] = pairs[2 * value + 1];
}

int digits(const QString &text, qsizetype at, int width)
{
    int value = 0;
    for (int i = 0; i < width; ++i) {
        const QChar c = text.at(at + i);
        if (c < u'0' || c > u'9')
            return -1;
        value = value * 10 + (c.unicode() - u'0');
    }
    return value;
}

} // namespace

QByteArray CalendarSeries::encode() const
{
    Writer w;
    w.byte(s_format);
    w.bytes(uid.toUtf8());
    w.bytes(title.toUtf8());
    w.byte((allDay ? 1 : 0) | (busy ? 2 : 0));
    w.bytes(zone);
    w.date(startDate);
    w.time(startTime);
    w.integer(startMs);
    w.integer(spanDays);
    w.integer(spanMs);
    w.integer(rules.size());
    for (const QByteArray &rule : rules)
        w.bytes(rule);
    w.integer(dates.size());
    for (const SeriesDate &d : dates) {
        w.integer(d.startMs);
        w.date(d.date);
        w.time(d.time);
        w.byte(d.endMs ? 1 : 0);
        w.integer(d.endMs.value_or(0));
    }
    w.integer(exceptMs.size());
    for (const qint64 ms : exceptMs)
        w.integer(ms);
    w.integer(exceptDates.size());
    for (const QDate d : exceptDates)
        w.date(d);
    return w.result();
}

bool CalendarSeries::decode(const QByteArray &bytes)
{
    Reader r(bytes);
    if (r.byte() != s_format)
        return false;
    uid = QString::fromUtf8(r.bytes());
    title = QString::fromUtf8(r.bytes());
    const quint8 flags = r.byte();
    allDay = flags & 1;
    busy = flags & 2;
    zone = r.bytes();
    startDate = r.date();
    startTime = r.time();
    startMs = r.integer();
    spanDays = r.integer();
    spanMs = r.integer();
    rules.clear();
    for (qint64 n = r.count(8); n > 0 && r.ok(); --n)
        rules.append(r.bytes());
    dates.clear();
    for (qint64 n = r.count(33); n > 0 && r.ok(); --n) {
        SeriesDate d;
        d.startMs = r.integer();
        d.date = r.date();
        d.time = r.time();
        const bool hasEnd = r.byte() != 0;
        const qint64 end = r.integer();
        if (hasEnd)
            d.endMs = end;
        dates.append(d);
    }
    exceptMs.clear();
    for (qint64 n = r.count(8); n > 0 && r.ok(); --n)
        exceptMs.append(r.integer());
    exceptDates.clear();
    for (qint64 n = r.count(8); n > 0 && r.ok(); --n)
        exceptDates.append(r.date());
    // Kept ascending: expansion looks them up by binary search.
    std::sort(exceptMs.begin(), exceptMs.end());
    std::sort(exceptDates.begin(), exceptDates.end());
    return r.ok() && startDate.isValid();
}

QByteArray CalendarSeries::contentHash() const
{
    return QCryptographicHash::hash(encode(), QCryptographicHash::Sha1).toHex();
}

QString SeriesRangeChange::encode() const
{
    return QStringLiteral("%1 %2 %3 %4").arg(shiftMs).arg(spanDays).arg(spanMs).arg(busy ? 1 : 0);
}

std::optional<SeriesRangeChange> SeriesRangeChange::decode(const QString &text, const QString &title)
{
    const QStringList parts = text.split(QLatin1Char(' '));
    if (parts.size() != 4)
        return std::nullopt;
    bool ok[4] = {};
    SeriesRangeChange change;
    change.shiftMs = parts[0].toLongLong(&ok[0]);
    change.spanDays = parts[1].toLongLong(&ok[1]);
    change.spanMs = parts[2].toLongLong(&ok[2]);
    change.busy = parts[3].toInt(&ok[3]) != 0;
    change.title = title;
    if (!ok[0] || !ok[1] || !ok[2] || !ok[3])
        return std::nullopt;
    return change;
}

namespace {

// The civil date of a day count since 1970-01-01 (H. Hinnant's days_from_civil inverse):
// QDate's calendar code costs more than the rest of a key.
void civilFromDays(qint64 days, int &year, int &month, int &day)
{
    days += 719468;
    const qint64 era = (days >= 0 ? days : days - 146096) / 146097;
    const qint64 doe = days - era * 146097;
    const qint64 yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const qint64 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const qint64 mp = (5 * doy + 2) / 153;
    day = int(doy - (153 * mp + 2) / 5 + 1);
    month = int(mp < 10 ? mp + 3 : mp - 9);
    year = int(yoe + era * 400 + (month <= 2 ? 1 : 0));
}

// The key's characters into `text` (16 bytes); returns how many. Written by hand:
// QDateTime::toString is slow in bulk, and a month of a big calendar has tens of thousands.
int writeKey(char *text, bool isDate, QDate date, qint64 startMs)
{
    int year = 0;
    int month = 0;
    int day = 0;
    int secs = 0;
    if (isDate) {
        date.getDate(&year, &month, &day);
    } else {
        const qint64 days = startMs >= 0 ? startMs / 86400000 : (startMs - 86399999) / 86400000;
        secs = int((startMs - days * 86400000) / 1000);
        civilFromDays(days, year, month, day);
    }
    year = qBound(0, year, 9999);
    put2(text, year / 100);
    put2(text + 2, year % 100);
    put2(text + 4, month);
    put2(text + 6, day);
    if (isDate)
        return 8;
    text[8] = 'T';
    put2(text + 9, secs / 3600);
    put2(text + 11, secs / 60 % 60);
    put2(text + 13, secs % 60);
    text[15] = 'Z';
    return 16;
}

constexpr quint64 s_fnvOffset = 14695981039346656037ull;
constexpr quint64 s_fnvPrime = 1099511628211ull;

quint64 fnv(quint64 hash, QStringView text)
{
    for (const QChar c : text) {
        hash ^= c.unicode();
        hash *= s_fnvPrime;
    }
    return hash;
}

quint64 fnvEnd(quint64 hash)
{
    hash ^= 0x1f;
    return hash * s_fnvPrime;
}

// 53 bits: the id stays exact in JSON readers that hold numbers as doubles (`fermata events
// --json`), and collisions stay improbable (one in ten thousand at a million occurrences).
qint64 idFromHash(quint64 hash)
{
    const qint64 positive = qint64(hash & ((quint64(1) << 53) - 1));
    return positive == 0 ? -1 : -positive;
}

} // namespace

QString recurrenceKey(bool isDate, QDate date, qint64 startMs)
{
    const RecurrenceKeyText key(isDate, date, startMs);
    return QString::fromLatin1(key.text, key.size);
}

RecurrenceKeyText::RecurrenceKeyText(bool isDate, QDate date, qint64 startMs)
    : size(writeKey(text, isDate, date, startMs))
{
}

QString occurrenceUid(const QString &uid, bool isDate, QDate date, qint64 startMs)
{
    return occurrenceUid(uid, RecurrenceKeyText(isDate, date, startMs));
}

QString occurrenceUid(const QString &uid, const RecurrenceKeyText &key)
{
    QString result(uid.size() + 1 + key.size, Qt::Uninitialized);
    QChar *out = result.data();
    std::copy(uid.cbegin(), uid.cend(), out);
    out += uid.size();
    *out++ = QLatin1Char('/');
    for (int i = 0; i < key.size; ++i)
        *out++ = QLatin1Char(key.text[i]);
    return result;
}

std::optional<std::pair<QString, qint64>> splitOccurrenceUid(const QString &uid)
{
    const qsizetype slash = uid.lastIndexOf(QLatin1Char('/'));
    if (slash <= 0)
        return std::nullopt;
    const qsizetype length = uid.size() - slash - 1;
    if (length != 8 && length != 16)
        return std::nullopt;
    const int year = digits(uid, slash + 1, 4);
    const int month = digits(uid, slash + 5, 2);
    const int day = digits(uid, slash + 7, 2);
    const QDate date(year, month, day);
    if (!date.isValid())
        return std::nullopt;
    qint64 ms = (date.toJulianDay() - s_julianEpoch) * 86400000;
    if (length == 16) {
        if (uid.at(slash + 9) != u'T' || uid.at(slash + 16) != u'Z')
            return std::nullopt;
        const int h = digits(uid, slash + 10, 2);
        const int m = digits(uid, slash + 12, 2);
        const int s = digits(uid, slash + 14, 2);
        if (h < 0 || h > 23 || m < 0 || m > 59 || s < 0 || s > 59)
            return std::nullopt;
        ms += (h * 3600 + m * 60 + s) * 1000LL;
    }
    return std::pair(uid.left(slash), ms);
}

// FNV-1a over both strings: stable everywhere (qHash is seeded per process) and cheap enough
// for every occurrence of a month.
qint64 occurrenceId(const QString &source, const QString &uid)
{
    return idFromHash(fnvEnd(fnv(fnvEnd(fnv(s_fnvOffset, source)), uid)));
}

OccurrenceIds::OccurrenceIds(const QString &source, const QString &seriesUid)
    : m_prefix(fnv(fnvEnd(fnv(s_fnvOffset, source)), seriesUid)), m_skip(seriesUid.size())
{
}

qint64 OccurrenceIds::id(const QString &occurrenceUid) const
{
    return idFromHash(fnvEnd(fnv(m_prefix, QStringView(occurrenceUid).mid(m_skip))));
}

qint64 OccurrenceIds::id(const RecurrenceKeyText &key) const
{
    quint64 hash = m_prefix;
    hash ^= u'/';
    hash *= s_fnvPrime;
    for (int i = 0; i < key.size; ++i) {
        hash ^= uchar(key.text[i]);
        hash *= s_fnvPrime;
    }
    return idFromHash(fnvEnd(hash));
}

QDebug operator<<(QDebug debug, const CalendarSeries &series)
{
    const QDebugStateSaver saver(debug);
    debug.nospace() << "CalendarSeries(" << series.source << ' ' << series.uid << " \"" << series.title
                    << "\" " << series.zone << ' ' << series.startDate << ' ' << series.startTime
                    << " rules=" << series.rules << " dates=" << series.dates.size()
                    << " except=" << series.exceptMs.size() + series.exceptDates.size() << ')';
    return debug;
}

} // namespace fermata
