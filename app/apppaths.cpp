#include "apppaths.h"

#include "attention/privatesocket.h"

#include <QCryptographicHash>
#include <QDir>
#include <QStandardPaths>

namespace fermata {

namespace {
const QString databaseFileName = QStringLiteral("fermata.sqlite");
const QString settingsFileName = QStringLiteral("fermata.ini");
} // namespace

AppPaths AppPaths::standard()
{
    AppPaths paths;
    paths.m_dataDir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    paths.m_databasePath = QDir(paths.m_dataDir).filePath(databaseFileName);
    paths.m_settingsPath = QDir(QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation))
                               .filePath(settingsFileName);
    return paths;
}

AppPaths AppPaths::inDirectory(const QString &dataDir)
{
    AppPaths paths;
    paths.m_dataDir = QDir(dataDir).absolutePath();
    paths.m_databasePath = QDir(paths.m_dataDir).filePath(databaseFileName);
    paths.m_settingsPath = QDir(paths.m_dataDir).filePath(settingsFileName);
    return paths;
}

QString AppPaths::instanceKey() const
{
    const QByteArray identity = m_dataDir.toUtf8() + '\0' + qgetenv("USER");
    const QByteArray hash = QCryptographicHash::hash(identity, QCryptographicHash::Sha256).toHex();
    return PrivateSocket::path(QStringLiteral("fermata-") + QString::fromLatin1(hash.left(16)));
}

} // namespace fermata
