#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QUrl>

#include <memory>
#include <utility>

class QProcess;

namespace fermata::test {

// A throwaway Radicale CalDAV server for one test process: a temporary folder with its config,
// htpasswd file (plain: Debian's Radicale 3.1.8 has passlib but no bcrypt backend), rights and
// storage; listens on 127.0.0.1 at a free port; stopped and removed by the destructor (and
// killed with the test process should it crash). Binary: FERMATA_RADICALE, else `radicale` on
// PATH, else /usr/bin/radicale.
//
// Rights: each user owns /<user>/ and the calendars in it, except calendars whose name starts
// with "readonly", which the owner may only read. The harness's own administrator may do
// anything: it creates calendars and edits events the way another client would.
class RadicaleServer final
{
public:
    RadicaleServer();
    ~RadicaleServer();
    Q_DISABLE_COPY_MOVE(RadicaleServer)

    // Starts the server and waits until it answers; false (with errorString()) when Radicale is
    // missing or fails to start.
    bool start();
    bool isRunning() const;
    // Stops the server (clients get "connection refused") and starts it again on the same port,
    // with the same data.
    bool stop();
    bool restart();
    // SIGSTOP / SIGCONT: connections are accepted but never answered (a hung server).
    bool freeze();
    bool thaw();
    QString errorString() const { return m_error; }
    // What the server logged, for failure messages.
    QString log() const;

    QString host() const { return QStringLiteral("127.0.0.1"); }
    int port() const { return m_port; }
    // http://127.0.0.1:<port>/
    QUrl url() const;
    QUrl url(const QString &path) const;

    // Adds (or replaces) a user; Radicale reads the file at every login. The user's principal
    // /<user>/ is created by logging in once.
    bool addUser(const QString &user, const QString &password);
    // MKCALENDAR /<user>/<name>/ with a display name, an Apple calendar-color ("#rrggbb") and
    // the components it accepts. Returns its href ("/<user>/<name>/"), empty on failure.
    QString createCalendar(const QString &user, const QString &name, const QString &displayName,
        const QString &color = {}, const QStringList &components = { QStringLiteral("VEVENT") });

    // As another client would (the administrator, with no precondition).
    // PUT: returns the new ETag, empty on failure.
    QByteArray putEvent(const QString &href, const QByteArray &ics);
    bool deleteEvent(const QString &href);

    // A raw request as `user` ({} means the administrator); status 0 when there was no answer.
    struct Answer
    {
        int status = 0;
        QByteArray body;
        QByteArray etag;
    };
    Answer request(const QByteArray &verb, const QString &path, const QByteArray &body = {},
        const QList<std::pair<QByteArray, QByteArray>> &headers = {}, const QString &user = {});

    // A minimal VEVENT with CRLF line ends, UTC times.
    static QByteArray icsEvent(
        const QString &uid, const QDateTime &start, const QDateTime &end, const QString &summary);

private:
    bool writeFiles();
    bool writeUsers();
    bool launch();
    bool waitUntilAnswering();
    QString radicaleProgram() const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QProcess> m_process;
    QHash<QString, QString> m_passwords; // user -> password
    QString m_error;
    int m_port = 0;
    bool m_frozen = false;
};

} // namespace fermata::test
