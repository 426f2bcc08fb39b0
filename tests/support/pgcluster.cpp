#include "pgcluster.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTest>
#include <QThread>

#include <algorithm>

// Running as root (a container) and simulating a machine's death are POSIX and /proc matters:
// elsewhere the cluster runs as the current user and kill() says it cannot.
#ifdef Q_OS_UNIX
#include <csignal>
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace fermata::test {

namespace {

QString findBinDir()
{
    const QByteArray env = qgetenv("FERMATA_PG_BINDIR");
    if (!env.isEmpty())
        return QString::fromLocal8Bit(env);
    QDir root(QStringLiteral("/usr/lib/postgresql"));
    QStringList versions = root.entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    std::sort(versions.begin(), versions.end(),
              [](const QString &a, const QString &b) { return a.toInt() > b.toInt(); });
    for (const QString &version : versions) {
        const QString bin = root.filePath(version + QStringLiteral("/bin"));
        if (QFile::exists(bin + QStringLiteral("/initdb")))
            return bin;
    }
    const QString initdb = QStandardPaths::findExecutable(QStringLiteral("initdb"));
    return initdb.isEmpty() ? QString() : QFileInfo(initdb).absolutePath();
}

int freePort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0))
        return 0;
    return server.serverPort();
}

#ifdef Q_OS_LINUX
// Server processes whose parent is `parent`, from /proc.
QList<pid_t> childrenOf(pid_t parent)
{
    QList<pid_t> children;
    const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &entry : entries) {
        bool isPid = false;
        const pid_t pid = pid_t(entry.toInt(&isPid));
        if (!isPid)
            continue;
        QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
        if (!stat.open(QIODevice::ReadOnly))
            continue;
        // "pid (comm) state ppid ...": comm may hold spaces, so read after its closing ')'.
        const QByteArray text = stat.readAll();
        const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
        if (fields.size() > 1 && fields.at(1).toInt() == parent)
            children.append(pid);
    }
    return children;
}

// The state letter of /proc/PID/stat (R, S, T, Z...), 0 when there is no such process.
char processState(pid_t pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray text = stat.readAll();
    return text.mid(text.lastIndexOf(')') + 2, 1).constData()[0];
}

// Alive and not a zombie (nobody may reap an orphaned postmaster in a container).
bool isAlive(pid_t pid)
{
    const char state = processState(pid);
    return state != 0 && state != 'Z' && state != 'X';
}
#endif

} // namespace

#ifdef Q_OS_UNIX
PgCluster::PgCluster() : m_binDir(findBinDir()), m_asRoot(::geteuid() == 0) {}
#else
PgCluster::PgCluster() : m_binDir(findBinDir()), m_asRoot(false) {}
#endif

PgCluster::~PgCluster()
{
    if (m_running) {
        run(binary(QStringLiteral("pg_ctl")),
            {QStringLiteral("-D"), dataDirectory(), QStringLiteral("-m"),
             QStringLiteral("immediate"), QStringLiteral("-w"), QStringLiteral("stop")});
    }
}

QString PgCluster::binary(const QString &name) const
{
    return m_binDir + QLatin1Char('/') + name;
}

bool PgCluster::run(const QString &program, const QStringList &arguments, QString *output,
                    int timeoutMs)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.setWorkingDirectory(m_dir ? m_dir->path() : QDir::tempPath());
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    env.insert(QStringLiteral("PGPASSWORD"), m_superPassword);
    process.setProcessEnvironment(env);
    if (m_asRoot) {
        QStringList runuserArguments{QStringLiteral("-u"), QStringLiteral("postgres"),
                                     QStringLiteral("--"), program};
        process.start(QStringLiteral("runuser"), runuserArguments + arguments);
    } else {
        process.start(program, arguments);
    }
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        m_error = program + QStringLiteral(" did not finish: ") + process.errorString();
        return false;
    }
    const QString text = QString::fromUtf8(process.readAll());
    if (output)
        *output = text;
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        m_error = program + QStringLiteral(" failed: ") + text;
        return false;
    }
    return true;
}

bool PgCluster::makeFolder()
{
    if (m_binDir.isEmpty()) {
        m_error = QStringLiteral("PostgreSQL server binaries (initdb) were not found");
        return false;
    }
    // As root the folder must be reachable by the postgres user: a private TMPDIR is not.
    const QString base = m_asRoot ? QStringLiteral("/tmp") : QDir::tempPath();
    m_dir = std::make_unique<QTemporaryDir>(base + QStringLiteral("/fermata-pg-XXXXXX"));
    if (!m_dir->isValid()) {
        m_error = QStringLiteral("cannot create a temporary folder");
        return false;
    }
#ifdef Q_OS_UNIX
    if (m_asRoot) {
        // The postgres user must own the folder holding the data and the socket.
        const passwd *pw = ::getpwnam("postgres");
        if (!pw || ::chown(QFile::encodeName(m_dir->path()).constData(), pw->pw_uid, pw->pw_gid) != 0) {
            m_error = QStringLiteral("running as root, but there is no postgres user to own the cluster");
            return false;
        }
    }
#endif
    // initdb insists on a data folder only its owner may enter.
    QFile::setPermissions(m_dir->path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    return true;
}

bool PgCluster::start(int maxConnections, const QString &settings)
{
    if (!initialize())
        return false;
    // Nothing here survives the test: skip what makes commits durable.
    return launch(maxConnections, QStringLiteral("-c synchronous_commit=off -c full_page_writes=off ") + settings);
}

bool PgCluster::initialize()
{
    if (!makeFolder())
        return false;
    const QString pwfile = m_dir->filePath(QStringLiteral("pwfile"));
    {
        QFile file(pwfile);
        if (!file.open(QIODevice::WriteOnly))
            return false;
        file.write(m_superPassword.toUtf8() + '\n');
    }
#ifdef Q_OS_UNIX
    if (m_asRoot) {
        const passwd *pw = ::getpwnam("postgres");
        if (::chown(QFile::encodeName(pwfile).constData(), pw->pw_uid, pw->pw_gid) != 0)
            return false;
    }
#endif
    const QString data = dataDirectory();
    if (!run(binary(QStringLiteral("initdb")),
             {QStringLiteral("-D"), data, QStringLiteral("-U"), superUser(),
              QStringLiteral("--pwfile=") + pwfile, QStringLiteral("--auth-local=scram-sha-256"),
              QStringLiteral("--auth-host=scram-sha-256"), QStringLiteral("-E"), QStringLiteral("UTF8"),
              QStringLiteral("--locale=C"), QStringLiteral("-N")},
             nullptr, 120000))
        return false;
    QFile::remove(pwfile);
    return true;
}

bool PgCluster::launch(int maxConnections, const QString &extra)
{
    for (int attempt = 0; attempt < 5 && !m_running; ++attempt) {
        m_port = freePort();
        // fsync=off is safe even for the failover tests: they kill processes, never the kernel,
        // so whatever a server wrote stays in the page cache.
        m_options = QStringLiteral(
            "-c listen_addresses=127.0.0.1 -c port=%1 -c unix_socket_directories='%2' "
            "-c max_connections=%3 -c fsync=off -c shared_buffers=32MB -c log_min_messages=warning ")
            .arg(m_port).arg(m_dir->path()).arg(maxConnections) + extra;
        m_running = restart();
    }
    return m_running;
}

bool PgCluster::startPrimary(int maxConnections)
{
    if (!initialize())
        return false;
    // initdb's pg_hba.conf lets the superuser replicate from 127.0.0.1; add the line should a
    // packaged template lack it.
    QFile hba(dataDirectory() + QStringLiteral("/pg_hba.conf"));
    if (!hba.open(QIODevice::ReadWrite)) {
        m_error = QStringLiteral("cannot open pg_hba.conf");
        return false;
    }
    static const QRegularExpression line(QStringLiteral("^host\\s+replication\\s+all\\s+127\\.0\\.0\\.1/32"),
                                         QRegularExpression::MultilineOption);
    if (!line.match(QString::fromUtf8(hba.readAll())).hasMatch())
        hba.write("\nhost replication all 127.0.0.1/32 scram-sha-256\n");
    hba.close();
    // Unlike start(): a commit is acknowledged only once durable (and, once
    // synchronous_standby_names names a standby, once that standby has flushed it).
    return launch(maxConnections, QStringLiteral("-c wal_level=replica -c max_wal_senders=5 "
                                                 "-c synchronous_commit=on -c full_page_writes=on"));
}

bool PgCluster::startStandby(const PgCluster &primary, const QString &name, int maxConnections)
{
    if (!makeFolder())
        return false;
    m_superPassword = primary.superPassword();
    // -R writes standby.signal and primary_conninfo (this connection string, with the password
    // and application_name, which is what synchronous_standby_names matches).
    const QString conninfo = QStringLiteral("host=%1 port=%2 user=%3 password=%4 application_name=%5")
                                 .arg(primary.host()).arg(primary.port())
                                 .arg(primary.superUser(), primary.superPassword(), name);
    if (!run(binary(QStringLiteral("pg_basebackup")),
             {QStringLiteral("-d"), conninfo, QStringLiteral("-D"), dataDirectory(), QStringLiteral("-R"),
              QStringLiteral("-X"), QStringLiteral("stream"), QStringLiteral("-c"), QStringLiteral("fast"),
              QStringLiteral("--no-password")},
             nullptr, 180000))
        return false;
    // The same limits as the primary (a hot standby refuses smaller ones).
    return launch(maxConnections, QStringLiteral("-c cluster_name=%1 -c synchronous_commit=on "
                                                 "-c full_page_writes=on -c wal_level=replica "
                                                 "-c max_wal_senders=5 -c hot_standby=on").arg(name));
}

QString PgCluster::dataDirectory() const
{
    return m_dir ? m_dir->filePath(QStringLiteral("data")) : QString();
}

qint64 PgCluster::postmasterPid() const
{
    if (!m_running)
        return 0;
    QFile file(dataDirectory() + QStringLiteral("/postmaster.pid"));
    if (!file.open(QIODevice::ReadOnly))
        return 0;
    return file.readLine().trimmed().toLongLong();
}

bool PgCluster::kill()
{
#ifndef Q_OS_LINUX
    m_error = QStringLiteral("killing a cluster as a machine dies needs Linux (signals and /proc)");
    return false;
#else
    const pid_t postmaster = pid_t(postmasterPid());
    if (postmaster <= 0) {
        m_error = QStringLiteral("no postmaster to kill (not running, or no postmaster.pid)");
        return false;
    }
    // Every server process at once, as when the machine dies: the postmaster is stopped first
    // so it forks nothing more and no child sees it die (a child that outlived it would
    // still end its session politely); then the children (each in a session of its own, so
    // one by one), then the postmaster.
    ::kill(postmaster, SIGSTOP);
    // (Not stopped in time: kill anyway; a child forked meanwhile ends on its own.)
    [[maybe_unused]] const bool stopped = QTest::qWaitFor([&] { return processState(postmaster) == 'T'; }, 2000);
    const QList<pid_t> children = childrenOf(postmaster);
    for (const pid_t child : children)
        ::kill(child, SIGKILL);
    ::kill(postmaster, SIGKILL);
    m_running = false;
    QList<pid_t> all = children;
    all.append(postmaster);
    const bool gone = QTest::qWaitFor([&] {
        return std::none_of(all.cbegin(), all.cend(), [](pid_t pid) { return isAlive(pid); });
    }, 20000);
    if (!gone)
        m_error = QStringLiteral("server processes outlived SIGKILL");
    return gone;
#endif
}

bool PgCluster::promote(int timeoutMs)
{
    if (!run(binary(QStringLiteral("pg_ctl")),
             {QStringLiteral("-D"), dataDirectory(), QStringLiteral("-w"), QStringLiteral("-t"),
              QString::number(qMax(1, timeoutMs / 1000)), QStringLiteral("promote")},
             nullptr, timeoutMs + 10000))
        return false;
    // pg_ctl saw the control file change; wait until a session agrees (what clients check).
    const bool promoted = QTest::qWaitFor([&] { return isInRecovery() == false; }, timeoutMs);
    if (!promoted && m_error.isEmpty())
        m_error = QStringLiteral("the promoted standby is still in recovery");
    return promoted;
}

std::optional<bool> PgCluster::isInRecovery()
{
    const QString answer = query(QStringLiteral("postgres"), QStringLiteral("SELECT pg_is_in_recovery()"));
    if (answer == u"t")
        return true;
    if (answer == u"f")
        return false;
    return std::nullopt;
}

bool PgCluster::stop()
{
    if (!m_running)
        return true;
    m_running = !run(binary(QStringLiteral("pg_ctl")),
                     {QStringLiteral("-D"), dataDirectory(), QStringLiteral("-m"),
                      QStringLiteral("fast"), QStringLiteral("-w"), QStringLiteral("stop")});
    return !m_running;
}

bool PgCluster::restart()
{
    m_running = run(binary(QStringLiteral("pg_ctl")),
                    {QStringLiteral("-D"), dataDirectory(), QStringLiteral("-l"),
                     m_dir->filePath(QStringLiteral("server.log")), QStringLiteral("-o"), m_options,
                     QStringLiteral("-w"), QStringLiteral("-t"), QStringLiteral("60"),
                     QStringLiteral("start")});
    return m_running;
}

bool PgCluster::psql(const QString &database, const QString &sql, QString *output)
{
    return run(binary(QStringLiteral("psql")),
               {QStringLiteral("-h"), host(), QStringLiteral("-p"), QString::number(m_port),
                QStringLiteral("-U"), superUser(), QStringLiteral("-d"), database,
                QStringLiteral("-v"), QStringLiteral("ON_ERROR_STOP=1"), QStringLiteral("-At"),
                QStringLiteral("-c"), sql},
               output);
}

QString PgCluster::query(const QString &database, const QString &sql)
{
    QString output;
    if (!psql(database, sql, &output))
        return {};
    return output.trimmed();
}

QString PgCluster::createHubDatabase(const QString &database, const QString &admin)
{
    // Names are the tests' own identifiers; quote them anyway.
    const QString role = QLatin1Char('"') + admin + QLatin1Char('"');
    const QString db = QLatin1Char('"') + database + QLatin1Char('"');
    if (!psql(QStringLiteral("postgres"),
              QStringLiteral("DO $$BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '%1') "
                             "THEN CREATE ROLE %2 LOGIN CREATEROLE PASSWORD '%3'; END IF; END$$")
                  .arg(admin, role, adminPassword())))
        return {};
    if (!psql(QStringLiteral("postgres"), QStringLiteral("CREATE DATABASE %1 OWNER %2").arg(db, role)))
        return {};
    // PostgreSQL 15 no longer lets everyone create in public; an owner-less public schema is
    // what a managed server gives, keep it that way.
    return QStringLiteral("postgresql://%1@%2:%3/%4").arg(admin, host()).arg(m_port).arg(database);
}

} // namespace fermata::test
