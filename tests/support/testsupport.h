#pragma once

#include <QByteArray>
#include <QString>
#include <QTemporaryDir>

namespace fermata::test {

// Pins the process time zone (TZ + tzset) and the default locale to C, as every fixture must.
void pinEnvironment(const QByteArray &tz = QByteArrayLiteral("UTC"));

// A temporary folder with a path for a fresh database file inside it.
class TempDataDir
{
public:
    TempDataDir();
    bool isValid() const { return m_dir.isValid(); }
    QString path() const { return m_dir.path(); }
    QString databasePath() const { return m_dir.filePath(QStringLiteral("fermata.sqlite")); }
    QString filePath(const QString &name) const { return m_dir.filePath(name); }

private:
    QTemporaryDir m_dir;
};

// Bytes of a file, for "the file was not modified" checks.
QByteArray fileBytes(const QString &path);

} // namespace fermata::test
