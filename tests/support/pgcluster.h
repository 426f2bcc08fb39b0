#pragma once

#include <QString>
#include <QTemporaryDir>

#include <memory>

namespace fermata::test {

// A throwaway PostgreSQL cluster for one test process: initdb into a temporary folder,
// listen on 127.0.0.1 at a free port with the socket in that folder, stopped and removed
// by the destructor. As root, initdb and pg_ctl run as the postgres user (they refuse root).
// Binaries: FERMATA_PG_BINDIR, else /usr/lib/postgresql/<newest>/bin, else PATH.
class PgCluster final
{
public:
    PgCluster();
    ~PgCluster();
    Q_DISABLE_COPY_MOVE(PgCluster)

    // Starts the cluster; false (with errorString()) when PostgreSQL is missing or fails.
    bool start(int maxConnections = 100);
    bool isRunning() const { return m_running; }
    // Stops the server (clients see the hub go away) and starts it again on the same port.
    bool stop();
    bool restart();
    QString errorString() const { return m_error; }

    int port() const { return m_port; }
    QString host() const { return QStringLiteral("127.0.0.1"); }
    // The bootstrap superuser and its password.
    QString superUser() const { return QStringLiteral("fermata_super"); }
    QString superPassword() const { return m_superPassword; }

    // Creates a database and a login role with CREATEROLE that owns it (what a managed
    // PostgreSQL gives an administrator); returns postgresql://admin@127.0.0.1:port/db.
    // The admin's password is adminPassword().
    QString createHubDatabase(const QString &database, const QString &admin);
    QString adminPassword() const { return QStringLiteral("admin-secret"); }

    // Runs SQL as the superuser through psql; false with the error in errorString().
    bool psql(const QString &database, const QString &sql, QString *output = nullptr);

private:
    QString binary(const QString &name) const;
    bool run(const QString &program, const QStringList &arguments, QString *output = nullptr,
             int timeoutMs = 60000);

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_binDir;
    QString m_error;
    QString m_superPassword = QStringLiteral("super-secret");
    int m_port = 0;
    bool m_running = false;
    bool m_asRoot = false;
    QString m_options;
};

} // namespace fermata::test
