#include "macoslaunchagent.h"
#include "autostartfile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStringList>

namespace fermata {

std::unique_ptr<AutostartEntry> AutostartEntry::create(const QString &program, const QString &dataDir)
{
    return std::make_unique<MacLaunchAgent>(program, dataDir);
}

MacLaunchAgent::MacLaunchAgent(QString program, QString dataDir, QString directory)
    : m_program(std::move(program)), m_dataDir(std::move(dataDir)), m_directory(std::move(directory))
{ }

QString MacLaunchAgent::defaultDirectory()
{
    return QDir::homePath() + QStringLiteral("/Library/LaunchAgents");
}

QString MacLaunchAgent::filePath() const
{
    return QDir(m_directory).filePath(QString::fromUtf16(label) + QStringLiteral(".plist"));
}

bool MacLaunchAgent::isEnabled() const
{
    return QFileInfo::exists(filePath());
}

QByteArray MacLaunchAgent::contents() const
{
    // ProgramArguments is an argument vector: no shell, no quoting, only XML escapes.
    QStringList arguments{m_program};
    if (!m_dataDir.isEmpty())
        arguments << QStringLiteral("--data-dir") << m_dataDir;
    arguments << QString::fromUtf16(trayOption);
    QString strings;
    for (const QString &argument : std::as_const(arguments))
        strings += QStringLiteral("        <string>%1</string>\n").arg(argument.toHtmlEscaped());
    const QString text = QStringLiteral(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<!DOCTYPE plist PUBLIC \"-//Apple//DTD PLIST 1.0//EN\" "
        "\"http://www.apple.com/DTDs/PropertyList-1.0.dtd\">\n"
        "<plist version=\"1.0\">\n"
        "<dict>\n"
        "    <key>Label</key>\n"
        "    <string>%1</string>\n"
        "    <key>ProgramArguments</key>\n"
        "    <array>\n"
        "%2"
        "    </array>\n"
        "    <key>RunAtLoad</key>\n"
        "    <true/>\n"
        "    <key>ProcessType</key>\n"
        "    <string>Interactive</string>\n"
        "</dict>\n"
        "</plist>\n")
                             .arg(QString::fromUtf16(label), strings);
    return text.toUtf8();
}

Status MacLaunchAgent::setEnabled(bool enabled) const
{
    return enabled ? autostartfile::write(m_directory, filePath(), contents()) : autostartfile::remove(filePath());
}

} // namespace fermata
