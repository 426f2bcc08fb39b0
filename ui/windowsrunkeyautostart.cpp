#include "windowsrunkeyautostart.h"

#include <QDir>
#include <QSettings>
#include <QStringList>

namespace fermata {

namespace {

const QString s_runKey = QStringLiteral("HKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Run");
const QString s_valueName = QStringLiteral("Fermata");

// One argument for the Windows command line (CommandLineToArgvW's rules): in double quotes,
// an inner quote escaped, and the backslashes before a quote (or before the closing one) doubled.
QString quoteArgument(const QString &argument)
{
    QString quoted = QStringLiteral("\"");
    int backslashes = 0;
    for (const QChar c : argument) {
        if (c == u'\\') {
            ++backslashes;
            continue;
        }
        if (c == u'"') {
            quoted += QString(backslashes * 2 + 1, u'\\');
            quoted += c;
        } else {
            quoted += QString(backslashes, u'\\');
            quoted += c;
        }
        backslashes = 0;
    }
    quoted += QString(backslashes * 2, u'\\');
    quoted += u'"';
    return quoted;
}

} // namespace

std::unique_ptr<AutostartEntry> AutostartEntry::create(const QString &program, const QString &dataDir)
{
    return std::make_unique<WindowsRunKeyAutostart>(program, dataDir);
}

WindowsRunKeyAutostart::WindowsRunKeyAutostart(QString program, QString dataDir)
    : m_program(std::move(program)), m_dataDir(std::move(dataDir))
{ }

QString WindowsRunKeyAutostart::commandLine() const
{
    QStringList arguments{quoteArgument(QDir::toNativeSeparators(m_program))};
    if (!m_dataDir.isEmpty())
        arguments << QStringLiteral("--data-dir") << quoteArgument(QDir::toNativeSeparators(m_dataDir));
    arguments << QString::fromUtf16(trayOption);
    return arguments.join(u' ');
}

bool WindowsRunKeyAutostart::isEnabled() const
{
    const QSettings run(s_runKey, QSettings::NativeFormat);
    return run.contains(s_valueName);
}

Status WindowsRunKeyAutostart::setEnabled(bool enabled) const
{
    QSettings run(s_runKey, QSettings::NativeFormat);
    if (enabled)
        run.setValue(s_valueName, commandLine());
    else
        run.remove(s_valueName);
    run.sync();
    if (run.status() != QSettings::NoError || run.contains(s_valueName) != enabled)
        return Status::failure(Error::Code::Io,
            enabled ? tr("Fermata could not write the value \"%1\" under %2.").arg(s_valueName, s_runKey)
                    : tr("Fermata could not remove the value \"%1\" under %2, so it would still start "
                         "when you log in.").arg(s_valueName, s_runKey));
    return {};
}

QString WindowsRunKeyAutostart::location() const
{
    return s_runKey + QStringLiteral("\\") + s_valueName;
}

} // namespace fermata
