#include "autostartentry.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
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

AutostartEntry::AutostartEntry(QString program, QString dataDir, QString directory)
    : m_program(std::move(program))
    , m_dataDir(std::move(dataDir))
    , m_directory(std::move(directory))
{ }

QString AutostartEntry::defaultDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation)
        + QStringLiteral("/autostart");
}

QString AutostartEntry::filePath() const
{
    return QDir(m_directory).filePath(QStringLiteral("fermata.desktop"));
}

bool AutostartEntry::isEnabled() const
{
    return QFileInfo::exists(filePath());
}

QString AutostartEntry::execLine() const
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

QByteArray AutostartEntry::contents() const
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

Status AutostartEntry::setEnabled(bool enabled) const
{
    const QString path = filePath();
    if (!enabled) {
        if (QFileInfo::exists(path) && !QFile::remove(path))
            return Status::failure(Error::Code::Io,
                tr("Fermata could not remove %1, so it would still start when you log in. "
                   "Check the folder's permissions.")
                    .arg(QDir::toNativeSeparators(path)));
        return {};
    }
    QSaveFile file(path);
    const QByteArray bytes = contents();
    if (!QDir().mkpath(m_directory) || !file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size()
        || !file.commit())
        return Status::failure(Error::Code::Io,
            tr("Fermata could not write %1 (%2).").arg(QDir::toNativeSeparators(path), file.errorString()));
    return {};
}

} // namespace fermata
