#pragma once

#include <QString>

namespace fermata {

// Where one profile keeps its data: the database and the settings file. The default is the
// user's data and config folders; --data-dir DIR puts both in DIR (tests, benchmarks,
// people with several profiles).
class AppPaths
{
public:
    static AppPaths standard();
    static AppPaths inDirectory(const QString &dataDir);

    QString dataDir() const { return m_dataDir; }
    QString databasePath() const { return m_databasePath; }
    QString settingsPath() const { return m_settingsPath; }
    // A name unique to this profile and user, for the single-instance socket.
    QString instanceKey() const;

private:
    QString m_dataDir;
    QString m_databasePath;
    QString m_settingsPath;
};

} // namespace fermata
