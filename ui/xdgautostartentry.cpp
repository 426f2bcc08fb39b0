#include "xdgautostartentry.h"
#include "autostartfile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

#include <algorithm>

namespace fermata {

namespace {

// One Exec argument as the Desktop Entry Specification wants it: quoted when it holds a reserved
// character (inside quotes " ` $ \ take a backslash), % doubled.
QString quoteExecArgument(const QString &argument)
{
    static const QString reserved = QStringLiteral(" \t\n\"'\\><~|&;$*?#()`");
    QString quoted = argument;
    const bool needsQuotes = argument.isEmpty()
        || std::any_of(argument.begin(), argument.end(), [](QChar c) { return reserved.contains(c); });
    if (needsQuotes) {
        quoted.clear();
        for (const QChar c : argument) {
            if (c == u'"' || c == u'`' || c == u'$' || c == u'\\')
                quoted += u'\\';
            quoted += c;
        }
        quoted = u'"' + quoted + u'"';
    }
    return quoted.replace(u'%', QStringLiteral("%%"));
}

// The escapes every string value of a desktop entry takes, applied after the Exec quoting.
QString escapeValue(QString value)
{
    return value.replace(u'\\', QStringLiteral("\\\\"))
        .replace(u'\n', QStringLiteral("\\n"))
        .replace(u'\t', QStringLiteral("\\t"))
        .replace(u'\r', QStringLiteral("\\r"));
}

} // namespace

XdgAutostartEntry::XdgAutostartEntry(QString program, QString dataDir, QString directory)
    : m_program(std::move(program))
    , m_dataDir(std::move(dataDir))
    , m_directory(std::move(directory))
{ }

QString XdgAutostartEntry::defaultDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation)
        + QStringLiteral("/autostart");
}

QString XdgAutostartEntry::filePath() const
{
    return QDir(m_directory).filePath(QStringLiteral("fermata.desktop"));
}

bool XdgAutostartEntry::isEnabled() const
{
    return QFileInfo::exists(filePath());
}

QString XdgAutostartEntry::execLine() const
{
    QStringList arguments { m_program };
    if (!m_dataDir.isEmpty())
        arguments << QStringLiteral("--data-dir") << m_dataDir;
    arguments << QString::fromUtf16(trayOption);
    QStringList quoted;
    for (const QString &argument : std::as_const(arguments))
        quoted.append(quoteExecArgument(argument));
    return escapeValue(quoted.join(u' '));
}

QByteArray XdgAutostartEntry::contents() const
{
    const QString text = QStringLiteral("[Desktop Entry]\n"
                                        "Type=Application\n"
                                        "Name=Fermata\n"
                                        "Comment=Holds notifications until your check-in windows\n"
                                        "Icon=fermata\n"
                                        "TryExec=%1\n"
                                        "Exec=%2\n"
                                        "Terminal=false\n"
                                        "X-GNOME-Autostart-enabled=true\n")
                             .arg(escapeValue(m_program), execLine());
    return text.toUtf8();
}

Status XdgAutostartEntry::setEnabled(bool enabled) const
{
    return enabled ? autostartfile::write(m_directory, filePath(), contents()) : autostartfile::remove(filePath());
}

} // namespace fermata
