#include "radicaleserver.h"

#include <QDateTime>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QProcess>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTest>
#include <QTimer>

#ifdef Q_OS_UNIX
#include <csignal>
#endif
#ifdef Q_OS_LINUX
#include <sys/prctl.h>
#endif

namespace fermata::test {

namespace {

const QString adminUser = QStringLiteral("fermata-admin");
const QString adminPassword = QStringLiteral("admin-secret");
constexpr int requestTimeoutMs = 10000;
constexpr int startTimeoutMs = 20000;

int freePort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0))
        return 0;
    return server.serverPort();
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(bytes) == bytes.size();
}

// First match wins (Radicale's from_file): the administrator, then what each user may do.
const QByteArray rights = R"([admin]
user: fermata-admin
collection: .*
permissions: RrWw

[root]
user: .+
collection:
permissions: R

[principal]
user: .+
collection: {user}
permissions: RW

[readonly]
user: .+
collection: {user}/readonly[^/]*
permissions: r

[calendars]
user: .+
collection: {user}/[^/]+
permissions: rw
)";

} // namespace

RadicaleServer::RadicaleServer()
{
    m_passwords.insert(adminUser, adminPassword);
}

RadicaleServer::~RadicaleServer()
{
    stop();
}

QString RadicaleServer::radicaleProgram() const
{
    const QByteArray configured = qgetenv("FERMATA_RADICALE");
    if (!configured.isEmpty()) {
        const QFileInfo program(QString::fromLocal8Bit(configured));
        return program.isExecutable() ? program.absoluteFilePath() : QString();
    }
    // The script, not "python3 -m radicale": a pyenv or venv python3 first on PATH lacks the
    // Debian module, while the script names /usr/bin/python3.
    QString onPath = QStandardPaths::findExecutable(QStringLiteral("radicale"));
    if (!onPath.isEmpty())
        return onPath;
    return QFileInfo::exists(QStringLiteral("/usr/bin/radicale")) ? QStringLiteral("/usr/bin/radicale")
                                                                  : QString();
}

QUrl RadicaleServer::url() const
{
    return url(QStringLiteral("/"));
}

QUrl RadicaleServer::url(const QString &path) const
{
    QUrl result;
    result.setScheme(QStringLiteral("http"));
    result.setHost(host());
    result.setPort(m_port);
    result.setPath(path, QUrl::TolerantMode);
    return result;
}

QString RadicaleServer::log() const
{
    QFile file(m_dir ? m_dir->filePath(QStringLiteral("radicale.log")) : QString());
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

bool RadicaleServer::writeUsers()
{
    QByteArray lines;
    for (auto it = m_passwords.cbegin(); it != m_passwords.cend(); ++it)
        lines += it.key().toUtf8() + ':' + it.value().toUtf8() + '\n';
    if (!writeFile(m_dir->filePath(QStringLiteral("users")), lines)) {
        m_error = QStringLiteral("cannot write the htpasswd file");
        return false;
    }
    return true;
}

bool RadicaleServer::writeFiles()
{
    const QString config
        = QStringLiteral("[server]\nhosts = %1:%2\nmax_connections = 20\n"
                         "[auth]\ntype = htpasswd\nhtpasswd_filename = %3\nhtpasswd_encryption = plain\n"
                         // No delay after a wrong password: the authentication test would wait for it.
                         "delay = 0\n"
                         "[rights]\ntype = from_file\nfile = %4\n"
                         "[storage]\nfilesystem_folder = %5\n"
                         "[web]\ntype = none\n"
                         "[logging]\nlevel = warning\n")
              .arg(host())
              .arg(m_port)
              .arg(m_dir->filePath(QStringLiteral("users")), m_dir->filePath(QStringLiteral("rights")),
                  m_dir->filePath(QStringLiteral("collections")));
    if (!writeFile(m_dir->filePath(QStringLiteral("config")), config.toUtf8())
        || !writeFile(m_dir->filePath(QStringLiteral("rights")), rights)) {
        m_error = QStringLiteral("cannot write Radicale's configuration");
        return false;
    }
    return writeUsers();
}

bool RadicaleServer::start()
{
    const QString program = radicaleProgram();
    if (program.isEmpty()) {
        m_error = qEnvironmentVariableIsEmpty("FERMATA_RADICALE")
            ? QStringLiteral("Radicale was not found: install it (apt install radicale) or set "
                             "FERMATA_RADICALE to the radicale program")
            : QStringLiteral("Radicale was not found: FERMATA_RADICALE=%1 is not an executable program")
                  .arg(qEnvironmentVariable("FERMATA_RADICALE"));
        return false;
    }
    m_dir = std::make_unique<QTemporaryDir>();
    if (!m_dir->isValid()) {
        m_error = QStringLiteral("cannot create a temporary folder");
        return false;
    }
    // Another process may take the free port before Radicale binds it: try a few.
    for (int attempt = 0; attempt < 5; ++attempt) {
        m_port = freePort();
        if (m_port != 0 && writeFiles() && launch())
            return true;
    }
    return false;
}

bool RadicaleServer::restart()
{
    if (isRunning())
        return true;
    // Same port and folder; Python's server sets SO_REUSEADDR, so the port is free at once.
    return launch();
}

bool RadicaleServer::launch()
{
    m_process = std::make_unique<QProcess>();
    m_process->setProgram(radicaleProgram());
    m_process->setArguments({ QStringLiteral("--config"), m_dir->filePath(QStringLiteral("config")) });
    m_process->setStandardOutputFile(m_dir->filePath(QStringLiteral("radicale.log")), QIODevice::Append);
    m_process->setStandardErrorFile(m_dir->filePath(QStringLiteral("radicale.log")), QIODevice::Append);
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("RADICALE_CONFIG"));
    m_process->setProcessEnvironment(environment);
#ifdef Q_OS_LINUX
    // The server dies with the test process, even when that one crashes.
    m_process->setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGKILL); });
#endif
    m_process->start();
    if (!m_process->waitForStarted(startTimeoutMs)) {
        m_error = QStringLiteral("radicale did not start: %1").arg(m_process->errorString());
        m_process.reset();
        return false;
    }
    if (!waitUntilAnswering()) {
        stop();
        return false;
    }
    return true;
}

bool RadicaleServer::waitUntilAnswering()
{
    const bool answered = QTest::qWaitFor(
        [this] {
            if (m_process->state() != QProcess::Running)
                return true;
            return request("OPTIONS", QStringLiteral("/")).status != 0;
        },
        startTimeoutMs);
    if (m_process->state() != QProcess::Running) {
        m_error
            = QStringLiteral("radicale exited (code %1): %2").arg(m_process->exitCode()).arg(log().trimmed());
        return false;
    }
    if (!answered)
        m_error = QStringLiteral("radicale did not answer on port %1 within %2 s")
                      .arg(m_port)
                      .arg(startTimeoutMs / 1000);
    return answered;
}

bool RadicaleServer::isRunning() const
{
    return m_process && m_process->state() == QProcess::Running;
}

bool RadicaleServer::stop()
{
    if (!m_process)
        return true;
    thaw();
    if (m_process->state() != QProcess::NotRunning) {
        m_process->terminate();
        if (!m_process->waitForFinished(10000)) {
            m_process->kill();
            m_process->waitForFinished(10000);
        }
    }
    m_process.reset();
    return true;
}

// Stopping a process in place needs POSIX signals: elsewhere freeze() fails and says why.
bool RadicaleServer::freeze()
{
#ifdef Q_OS_UNIX
    if (!isRunning() || ::kill(pid_t(m_process->processId()), SIGSTOP) != 0)
        return false;
#else
    m_error = QStringLiteral("freezing the server needs POSIX signals");
    return false;
#endif
    m_frozen = true;
    return true;
}

bool RadicaleServer::thaw()
{
    if (!m_frozen)
        return true;
    m_frozen = false;
#ifdef Q_OS_UNIX
    return isRunning() && ::kill(pid_t(m_process->processId()), SIGCONT) == 0;
#else
    return false;
#endif
}

RadicaleServer::Answer RadicaleServer::request(const QByteArray &verb, const QString &path,
    const QByteArray &body, const QList<std::pair<QByteArray, QByteArray>> &headers, const QString &user)
{
    const QString login = user.isEmpty() ? adminUser : user;
    QNetworkRequest http(url(path));
    http.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    http.setRawHeader(
        "Authorization", "Basic " + (login + u':' + m_passwords.value(login)).toUtf8().toBase64());
    for (const auto &[name, value] : headers)
        http.setRawHeader(name, value);
    QNetworkAccessManager network;
    std::unique_ptr<QNetworkReply> reply(network.sendCustomRequest(http, verb, body));
    QEventLoop loop;
    QObject::connect(reply.get(), &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(requestTimeoutMs, &loop, [&] { reply->abort(); });
    if (!reply->isFinished())
        loop.exec();
    Answer answer;
    answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    answer.body = reply->readAll();
    answer.etag = reply->rawHeader("ETag");
    return answer;
}

bool RadicaleServer::addUser(const QString &user, const QString &password)
{
    m_passwords.insert(user, password);
    return !m_dir || writeUsers();
}

QString RadicaleServer::createCalendar(const QString &user, const QString &name, const QString &displayName,
    const QString &color, const QStringList &components)
{
    // Radicale makes a user's principal collection at their first login.
    if (request("PROPFIND", QStringLiteral("/"), {}, { { "Depth", "0" } }, user).status != 207) {
        m_error = QStringLiteral("user %1 cannot log in").arg(user);
        return {};
    }
    QString props = QStringLiteral("<D:displayname>%1</D:displayname>").arg(displayName.toHtmlEscaped());
    if (!color.isEmpty())
        props += QStringLiteral("<I:calendar-color>%1</I:calendar-color>").arg(color.toHtmlEscaped());
    props += QStringLiteral("<C:supported-calendar-component-set>");
    for (const QString &component : components)
        props += QStringLiteral("<C:comp name=\"%1\"/>").arg(component);
    props += QStringLiteral("</C:supported-calendar-component-set>");
    const QString body = QStringLiteral(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>"
        "<C:mkcalendar xmlns:D=\"DAV:\" xmlns:C=\"urn:ietf:params:xml:ns:caldav\" "
        "xmlns:I=\"http://apple.com/ns/ical/\"><D:set><D:prop>%1</D:prop></D:set></C:mkcalendar>")
                             .arg(props);
    QString href = QStringLiteral("/%1/%2/").arg(user, name);
    const Answer answer = request(
        "MKCALENDAR", href, body.toUtf8(), { { "Content-Type", "application/xml; charset=utf-8" } });
    if (answer.status != 201) {
        m_error = QStringLiteral("MKCALENDAR %1 answered %2: %3")
                      .arg(href)
                      .arg(answer.status)
                      .arg(QString::fromUtf8(answer.body));
        return {};
    }
    return href;
}

QByteArray RadicaleServer::putEvent(const QString &href, const QByteArray &ics)
{
    const Answer answer = request("PUT", href, ics, { { "Content-Type", "text/calendar; charset=utf-8" } });
    if (answer.status != 201 && answer.status != 204) {
        m_error = QStringLiteral("PUT %1 answered %2").arg(href).arg(answer.status);
        return {};
    }
    return answer.etag;
}

bool RadicaleServer::deleteEvent(const QString &href)
{
    const Answer answer = request("DELETE", href);
    if (answer.status != 200 && answer.status != 204) {
        m_error = QStringLiteral("DELETE %1 answered %2").arg(href).arg(answer.status);
        return false;
    }
    return true;
}

QByteArray RadicaleServer::icsEvent(
    const QString &uid, const QDateTime &start, const QDateTime &end, const QString &summary)
{
    const auto stamp = [](const QDateTime &time) {
        return time.toUTC().toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'")).toUtf8();
    };
    return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Fermata//Tests//EN\r\nBEGIN:VEVENT\r\nUID:"
        + uid.toUtf8() + "\r\nDTSTAMP:20240101T000000Z\r\nDTSTART:" + stamp(start) + "\r\nDTEND:" + stamp(end)
        + "\r\nSUMMARY:" + summary.toUtf8() + "\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
}

} // namespace fermata::test
