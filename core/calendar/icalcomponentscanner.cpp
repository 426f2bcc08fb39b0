#include "calendar/icalcomponentscanner.h"

#include <QCoreApplication>
#include <QIODevice>

namespace {

// Messages people read, filed under the calendar context of the core's translations.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(fermata::Calendar)
};

} // namespace

namespace fermata::ical {

namespace {

QByteArray componentName(const QByteArray &line, qsizetype prefixLength)
{
    return line.mid(prefixLength).trimmed().toUpper();
}

// `line` without the spaces, tabs and byte order marks it starts with.
QByteArray trimmedStart(const QByteArray &line)
{
    qsizetype from = 0;
    while (from < line.size()) {
        if (line.at(from) == ' ' || line.at(from) == '\t')
            ++from;
        else if (line.mid(from, 3) == "\xEF\xBB\xBF")
            from += 3;
        else
            break;
    }
    return from == 0 ? line : line.mid(from);
}

} // namespace

bool startsWithNoCase(const QByteArray &line, const char *prefix)
{
    const qsizetype n = qsizetype(qstrlen(prefix));
    return line.size() >= n && qstrnicmp(line.constData(), prefix, n) == 0;
}

ComponentScanner::ComponentScanner(QIODevice &device) : m_device(device)
{
    m_buffer.resize(maxLineBytes + 1);
}

qint64 ComponentScanner::readRaw()
{
    return m_device.readLine(m_buffer.data(), m_buffer.size());
}

bool ComponentScanner::readLine(QByteArray &line, bool &tooLong)
{
    tooLong = false;
    m_lineStart = m_device.pos();
    const qint64 length = readRaw();
    if (length <= 0)
        return false;
    line = QByteArray(m_buffer.constData(), length);
    ++m_line;
    bool ended = line.endsWith('\n');
    while (!ended) { // an over-long line: drop the rest of it
        const qint64 rest = readRaw();
        if (rest <= 0)
            break;
        tooLong = true;
        ended = m_buffer[rest - 1] == '\n';
    }
    while (line.endsWith('\n') || line.endsWith('\r'))
        line.chop(1);
    if (m_line == 1 && line.startsWith("\xEF\xBB\xBF"))
        line.remove(0, 3);
    return true;
}

void ComponentScanner::collect(Chunk &chunk, const QByteArray &beginLine, Chunk::Kind kind)
{
    chunk = Chunk{};
    chunk.kind = kind;
    chunk.line = m_line;
    chunk.startPos = m_lineStart;
    chunk.text = beginLine + '\n';
    QByteArray line;
    bool tooLong = false;
    int depth = 1;
    while (depth > 0 && readLine(line, tooLong)) {
        if (tooLong && chunk.problem.isEmpty())
            chunk.problem = Text::tr("line %1 is too long").arg(m_line);
        if (startsWithNoCase(line, "BEGIN:"))
            ++depth;
        else if (startsWithNoCase(line, "END:"))
            --depth;
        if (chunk.text.size() + line.size() > maxComponentBytes) {
            if (chunk.problem.isEmpty())
                chunk.problem = Text::tr("the event is larger than 4 MB");
            continue;
        }
        chunk.text += line;
        chunk.text += '\n';
    }
    if (depth > 0 && chunk.problem.isEmpty())
        chunk.problem = Text::tr("the file ends inside the event");
}

std::optional<Chunk::Kind> ComponentScanner::chunkKind(const QByteArray &name)
{
    if (name == "VEVENT")
        return Chunk::Kind::Event;
    if (name == "VTIMEZONE")
        return Chunk::Kind::Timezone;
    return std::nullopt;
}

bool ComponentScanner::next(Chunk &chunk)
{
    QByteArray line;
    bool tooLong = false;
    while (readLine(line, tooLong)) {
        // Outside the calendar, lines are no content lines: files saved by mail clients and
        // editors have blank lines and indentation before BEGIN:VCALENDAR.
        if (m_depth == 0)
            line = trimmedStart(line);
        if (startsWithNoCase(line, "BEGIN:")) {
            const QByteArray name = componentName(line, 6);
            if (name == "VCALENDAR")
                m_sawCalendar = true;
            if (const auto kind = chunkKind(name); m_depth == 1 && kind) {
                collect(chunk, line, *kind);
                return true;
            }
            ++m_depth;
        } else if (startsWithNoCase(line, "END:")) {
            m_depth = qMax(0, m_depth - 1);
        } else if (m_depth == 1 && startsWithNoCase(line, "X-WR-CALNAME")) {
            const qsizetype colon = line.indexOf(':');
            if (colon > 0)
                m_calendarName = QString::fromUtf8(line.mid(colon + 1)).trimmed();
        }
    }
    return false;
}

bool ComponentScanner::readAt(qint64 pos, qint64 line, Chunk &chunk)
{
    if (!m_device.seek(pos))
        return false;
    m_line = line - 1;
    QByteArray begin;
    bool tooLong = false;
    if (!readLine(begin, tooLong) || !startsWithNoCase(begin, "BEGIN:"))
        return false;
    const auto kind = chunkKind(componentName(begin, 6));
    if (!kind)
        return false;
    collect(chunk, begin, *kind);
    return true;
}

} // namespace fermata::ical
