#pragma once

#include <QString>
#include <QTemporaryDir>

#include <memory>
#include <optional>

namespace fermata::test {

// A throwaway PostgreSQL cluster for one test process: initdb into a temporary folder,
// listen on 127.0.0.1 at a free port with the socket in that folder, stopped and removed
// by the destructor. As root, initdb, pg_ctl and pg_basebackup run as the postgres user (they
// refuse root). Binaries: FERMATA_PG_BINDIR, else /usr/lib/postgresql/<newest>/bin, else PATH.
// For a primary with a synchronous standby see PgReplicatedPair (pgreplication.h).
class PgCluster final
{
public:
    PgCluster();
    ~PgCluster();
    Q_DISABLE_COPY_MOVE(PgCluster)

    // Starts the cluster; false (with errorString()) when PostgreSQL is missing or fails.
    bool start(int maxConnections = 100, const QString &settings = {});
    bool isRunning() const { return m_running; }
    // Stops the server (clients see the hub go away) and starts it again on the same port.
    bool stop();
    bool restart();
    QString errorString() const { return m_error; }

    // Replication. startPrimary() is start() with what a streaming standby needs: WAL for
    // replicas, WAL senders, the superuser allowed to replicate from 127.0.0.1, and commits
    // that wait for a synchronous standby once synchronous_standby_names names one.
    bool startPrimary(int maxConnections = 100);
    // Makes this cluster a hot standby of `primary`: a base backup (pg_basebackup -R, so it
    // follows the primary) started on its own free port, connecting as application `name`.
    bool startStandby(const PgCluster &primary, const QString &name, int maxConnections = 100);
    // A crash: SIGKILL to the postmaster and every server process (its process group), as when
    // the machine dies. Returns once they are gone; the destructor then has nothing to stop.
    bool kill();
    // Promotes a standby (pg_ctl promote) and returns once it accepts writes.
    bool promote(int timeoutMs = 60000);
    // pg_is_in_recovery(): true on a standby, false on a primary, nullopt (with errorString())
    // when the server does not answer.
    std::optional<bool> isInRecovery();
    qint64 postmasterPid() const; // 0 when not running
    QString dataDirectory() const;

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
    // The trimmed output of one query, empty (with errorString()) when it failed.
    QString query(const QString &database, const QString &sql);

private:
    QString binary(const QString &name) const;
    bool run(const QString &program, const QStringList &arguments, QString *output = nullptr,
             int timeoutMs = 60000);
    // The folder and initdb, not started.
    bool initialize();
    // A temporary folder the postgres user owns (as root), for the data and the socket.
    bool makeFolder();
    // Starts the server on a free port with the common settings plus `extra` (-c options).
    bool launch(int maxConnections, const QString &extra);

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
