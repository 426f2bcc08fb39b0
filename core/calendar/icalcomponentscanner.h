#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

class QIODevice;

namespace fermata::ical {

// One VEVENT or VTIMEZONE as text, with the line it begins on.
struct Chunk
{
    enum class Kind { Event, Timezone };
    Kind kind = Kind::Event;
    QByteArray text;
    qint64 line = 0;
    qint64 startPos = 0; // where its BEGIN line starts in the device, to read it again
    qint64 endPos = 0; // where the component ends in the device, for progress
    QString problem; // set when the component was too large or had an over-long line
};

// Splits the stream at top-level component boundaries. It never interprets properties:
// libical parses each component.
class ComponentScanner
{
public:
    // Longest line and component kept; longer ones are cut and reported in Chunk::problem.
    static constexpr qint64 maxLineBytes = 256 * 1024;
    static constexpr qint64 maxComponentBytes = 4 * 1024 * 1024;

    explicit ComponentScanner(QIODevice &device);

    // The next VEVENT/VTIMEZONE; false at the end of the stream.
    bool next(Chunk &chunk);
    // The component whose BEGIN line starts at `pos` (found by next() as on `line`), read
    // again; the device is left after it.
    bool readAt(qint64 pos, qint64 line, Chunk &chunk);
    bool sawCalendar() const { return m_sawCalendar; }
    QString calendarName() const { return m_calendarName; }
    qint64 line() const { return m_line; }

private:
    bool readLine(QByteArray &line, bool &tooLong);
    qint64 readRaw(); // one line (at most maxLineBytes) into m_buffer; <= 0 at the end
    void collect(Chunk &chunk, const QByteArray &beginLine, Chunk::Kind kind);
    static std::optional<Chunk::Kind> chunkKind(const QByteArray &componentName);

    QIODevice &m_device;
    QByteArray m_buffer; // reused: QIODevice::readLine(max) would allocate max bytes a line
    qint64 m_line = 0;
    qint64 m_lineStart = 0; // device position of the line read last
    int m_depth = 0; // nesting of BEGIN/END outside the chunk being collected
    bool m_sawCalendar = false;
    QString m_calendarName;
};

// Whether `line` begins with `prefix`, ignoring ASCII case (iCalendar names are case-blind).
bool startsWithNoCase(const QByteArray &line, const char *prefix);

} // namespace fermata::ical
