#include "caldav/caldavics.h"

#include <QCryptographicHash>
#include <QSet>

namespace fermata::caldavics {

namespace {

QByteArray utcStamp(const QDateTime &time)
{
    return time.toUTC().toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'")).toLatin1();
}

// Lines with folding undone and line ends (CRLF or LF) removed.
QList<QByteArray> unfoldedLines(const QByteArray &ics)
{
    QList<QByteArray> lines;
    for (QByteArray line : ics.split('\n')) {
        if (line.endsWith('\r'))
            line.chop(1);
        if (!lines.isEmpty() && (line.startsWith(' ') || line.startsWith('\t')))
            lines.last() += line.mid(1);
        else if (!line.isEmpty())
            lines.append(line);
    }
    return lines;
}

// The property name of a content line ("DTSTART;TZID=X:..." -> "DTSTART"), upper case.
QByteArray nameOf(const QByteArray &line)
{
    qsizetype end = 0;
    while (end < line.size() && line.at(end) != ':' && line.at(end) != ';')
        ++end;
    return line.left(end).toUpper();
}

QByteArray valueOf(const QByteArray &line)
{
    // Parameter values may be quoted and hold ':'; the value starts after the first unquoted one.
    bool quoted = false;
    for (qsizetype i = 0; i < line.size(); ++i) {
        if (line.at(i) == '"')
            quoted = !quoted;
        else if (line.at(i) == ':' && !quoted)
            return line.mid(i + 1);
    }
    return {};
}

} // namespace

QString escapeText(const QString &text)
{
    QString escaped;
    escaped.reserve(text.size());
    for (const QChar c : text) {
        if (c == u'\\' || c == u';' || c == u',') {
            escaped += u'\\';
            escaped += c;
        } else if (c == u'\n')
            escaped += QStringLiteral("\\n");
        else if (c != u'\r')
            escaped += c;
    }
    return escaped;
}

QByteArray foldLine(const QByteArray &line)
{
    QByteArray folded;
    qsizetype width = 0;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const char c = line.at(i);
        // Never between the bytes of one UTF-8 character (continuation bytes are 10xxxxxx).
        const bool startsCharacter = (uchar(c) & 0xC0) != 0x80;
        if (width >= 74 && startsCharacter) {
            folded += "\r\n ";
            width = 1;
        }
        folded += c;
        ++width;
    }
    return folded;
}

QByteArray blockEvent(const BlockEvent &event)
{
    QByteArray text = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Fermata//Focus blocks//EN\r\n"
                      "BEGIN:VEVENT\r\n";
    const auto add = [&text](const QByteArray &line) { text += foldLine(line) + "\r\n"; };
    add("UID:" + event.uid.toUtf8());
    add("DTSTAMP:" + utcStamp(event.stamp));
    add("DTSTART:" + utcStamp(event.start));
    add("DTEND:" + utcStamp(event.end));
    add("SUMMARY:" + escapeText(event.summary).toUtf8());
    add("TRANSP:OPAQUE");
    add(QByteArray(markerProperty) + ':' + escapeText(event.marker).toUtf8());
    text += "END:VEVENT\r\nEND:VCALENDAR\r\n";
    return text;
}

QString contentHash(const BlockEvent &event)
{
    QCryptographicHash hash(QCryptographicHash::Sha1);
    for (const QByteArray &part : { event.uid.toUtf8(), utcStamp(event.start), utcStamp(event.end),
             event.summary.toUtf8(), event.marker.toUtf8() }) {
        hash.addData(part);
        hash.addData(QByteArrayView("\x1f", 1)); // a separator no part holds
    }
    return QString::fromLatin1(hash.result().toHex());
}

QString markerOf(const QByteArray &ics)
{
    for (const QByteArray &line : unfoldedLines(ics)) {
        if (nameOf(line) == markerProperty)
            return QString::fromUtf8(valueOf(line)).trimmed();
    }
    return {};
}

QByteArray mergeCalendars(const QList<QByteArray> &calendars)
{
    QByteArray merged = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Fermata//CalDAV calendar//EN\r\n";
    QSet<QByteArray> zones;
    for (const QByteArray &calendar : calendars) {
        int depth = 0;
        QList<QByteArray> component;
        QByteArray zoneId;
        for (const QByteArray &line : unfoldedLines(calendar)) {
            const QByteArray name = nameOf(line);
            if (name == "BEGIN")
                ++depth;
            if (depth >= 2) {
                component.append(line);
                if (depth == 2 && name == "TZID")
                    zoneId = valueOf(line).trimmed();
            }
            if (name == "END") {
                if (depth == 2) {
                    const bool isZone = valueOf(component.constFirst()).trimmed().toUpper() == "VTIMEZONE";
                    if (!isZone || !zones.contains(zoneId)) {
                        if (isZone)
                            zones.insert(zoneId);
                        for (const QByteArray &kept : std::as_const(component))
                            merged += foldLine(kept) + "\r\n";
                    }
                    component.clear();
                    zoneId.clear();
                }
                depth = qMax(0, depth - 1);
            }
        }
    }
    merged += "END:VCALENDAR\r\n";
    return merged;
}

QByteArray emptyCalendar()
{
    return mergeCalendars({});
}

} // namespace fermata::caldavics
