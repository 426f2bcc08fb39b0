#include "pgcluster.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTcpServer>
#include <QThread>

#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

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

} // namespace

PgCluster::PgCluster() : m_binDir(findBinDir()), m_asRoot(::geteuid() == 0) {}

PgCluster::~PgCluster()
{
    if (m_running) {
        run(binary(QStringLiteral("pg_ctl")),
            {QStringLiteral("-D"), m_dir->filePath(QStringLiteral("data")), QStringLiteral("-m"),
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

bool PgCluster::start(int maxConnections)
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
    if (m_asRoot) {
        // The postgres user must own the folder holding the data and the socket.
        const passwd *pw = ::getpwnam("postgres");
        if (!pw || ::chown(QFile::encodeName(m_dir->path()).constData(), pw->pw_uid, pw->pw_gid) != 0) {
            m_error = QStringLiteral("running as root, but there is no postgres user to own the cluster");
            return false;
        }
    }
    ::chmod(QFile::encodeName(m_dir->path()).constData(), 0700);
    const QString pwfile = m_dir->filePath(QStringLiteral("pwfile"));
    {
        QFile file(pwfile);
        if (!file.open(QIODevice::WriteOnly))
            return false;
        file.write(m_superPassword.toUtf8() + '\n');
    }
    if (m_asRoot) {
        const passwd *pw = ::getpwnam("postgres");
        if (::chown(QFile::encodeName(pwfile).constData(), pw->pw_uid, pw->pw_gid) != 0)
            return false;
    }
    const QString data = m_dir->filePath(QStringLiteral("data"));
    if (!run(binary(QStringLiteral("initdb")),
             {QStringLiteral("-D"), data, QStringLiteral("-U"), superUser(),
              QStringLiteral("--pwfile=") + pwfile, QStringLiteral("--auth-local=scram-sha-256"),
              QStringLiteral("--auth-host=scram-sha-256"), QStringLiteral("-E"), QStringLiteral("UTF8"),
              QStringLiteral("--locale=C"), QStringLiteral("-N")},
             nullptr, 120000))
        return false;
    QFile::remove(pwfile);

    for (int attempt = 0; attempt < 5 && !m_running; ++attempt) {
        m_port = freePort();
        const QString options = QStringLiteral(
            "-c listen_addresses=127.0.0.1 -c port=%1 -c unix_socket_directories='%2' "
            "-c max_connections=%3 -c fsync=off -c synchronous_commit=off "
            "-c full_page_writes=off -c shared_buffers=32MB -c log_min_messages=warning")
            .arg(m_port).arg(m_dir->path()).arg(maxConnections);
        m_options = options;
        m_running = restart();
    }
    return m_running;
}

bool PgCluster::stop()
{
    if (!m_running)
        return true;
    m_running = !run(binary(QStringLiteral("pg_ctl")),
                     {QStringLiteral("-D"), m_dir->filePath(QStringLiteral("data")), QStringLiteral("-m"),
                      QStringLiteral("fast"), QStringLiteral("-w"), QStringLiteral("stop")});
    return !m_running;
}

bool PgCluster::restart()
{
    m_running = run(binary(QStringLiteral("pg_ctl")),
                    {QStringLiteral("-D"), m_dir->filePath(QStringLiteral("data")), QStringLiteral("-l"),
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
