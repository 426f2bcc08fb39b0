// Fermata's local sockets: they live in a folder only this user can open, a stale socket of
// ours is taken over and one of another user never is, and neither end talks to a peer of
// another user. The cross-user cases fork a child that becomes `nobody` (they need root).
#include "attention/localintakeclient.h"
#include "attention/localintakeserver.h"
#include "attention/privatesocket.h"
#include "otheruser.h"
#include "testsupport.h"

#include <QDir>
#include <QFileInfo>
#include <QLocalServer>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <fcntl.h>
#include <optional>
#include <poll.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <thread>

using namespace fermata;

namespace {

constexpr uid_t s_nobody = 65534;
constexpr gid_t s_nogroup = 65534;

sockaddr_un address(const QString &path)
{
    sockaddr_un a = {};
    a.sun_family = AF_UNIX;
    const QByteArray native = QFile::encodeName(path);
    std::memcpy(
        a.sun_path, native.constData(), size_t(qMin<qsizetype>(native.size(), sizeof(a.sun_path) - 1)));
    return a;
}

// Leaves a socket file behind as a killed server would: bound, never unlinked.
bool leaveStaleSocket(const QString &path)
{
    const sockaddr_un a = address(path);
    const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
    const bool bound = ::bind(fd, reinterpret_cast<const sockaddr *>(&a), sizeof(a)) == 0;
    ::close(fd);
    return bound;
}

int mode(const QString &path)
{
    struct stat st = {};
    return ::lstat(QFile::encodeName(path).constData(), &st) == 0 ? int(st.st_mode & 07777) : -1;
}

InboxItem item(const QString &title)
{
    InboxItem i;
    i.notification.source = QStringLiteral("test");
    i.notification.title = title;
    return i;
}

} // namespace

class TestPrivateSocket : public QObject
{
    Q_OBJECT
    QTemporaryDir m_tmp; // 0700, ours

    static void needRoot()
    {
        if (::geteuid() != 0)
            QSKIP("acting as another user needs root (the CI container runs the suite as root)");
    }

private Q_SLOTS:
    void initTestCase()
    {
        test::pinEnvironment();
        QVERIFY(m_tmp.isValid());
    }

    void namesGoToThePrivateFolder()
    {
        const QByteArray runtime = qgetenv("XDG_RUNTIME_DIR");
        const QByteArray tmp = qgetenv("TMPDIR");
        qputenv("XDG_RUNTIME_DIR", "/run/user/4242/");
        QCOMPARE(
            PrivateSocket::path(QStringLiteral("fermata-x")), QStringLiteral("/run/user/4242/fermata-x"));
        QCOMPARE(PrivateSocket::path(QStringLiteral("/abs/s")), QStringLiteral("/abs/s"));
        qunsetenv("XDG_RUNTIME_DIR");
        qputenv("TMPDIR", m_tmp.path().toLocal8Bit());
        QCOMPARE(PrivateSocket::path(QStringLiteral("fermata-x")),
            m_tmp.path() + QStringLiteral("/fermata-%1/fermata-x").arg(::geteuid()));
        qputenv("XDG_RUNTIME_DIR", runtime);
        qputenv("TMPDIR", tmp);
        if (runtime.isEmpty())
            qunsetenv("XDG_RUNTIME_DIR");
        if (tmp.isEmpty())
            qunsetenv("TMPDIR");
    }

    void aMissingFolderIsMadePrivate()
    {
        const QString dir = m_tmp.filePath(QStringLiteral("made"));
        QLocalServer server;
        QVERIFY2(PrivateSocket::listen(server, dir + QStringLiteral("/s")), "listen in a new folder");
        QCOMPARE(mode(dir), 0700);
    }

    void looseFoldersAndLinksAreRefused()
    {
        const QString loose = m_tmp.filePath(QStringLiteral("loose"));
        QVERIFY(QDir().mkdir(loose));
        QVERIFY(::chmod(QFile::encodeName(loose).constData(), 0755) == 0);
        QLocalServer server;
        Status s = PrivateSocket::listen(server, loose + QStringLiteral("/s"));
        QVERIFY(!s);
        QCOMPARE(s.error().code, Error::Code::Denied);
        QVERIFY2(s.error().message.contains(QStringLiteral("Other users can open"))
                && s.error().message.contains(QStringLiteral("0755")),
            qPrintable(s.error().message));
        QVERIFY(!QFileInfo::exists(loose + QStringLiteral("/s")));

        const QString link = m_tmp.filePath(QStringLiteral("link"));
        QVERIFY(QFile::link(m_tmp.filePath(QStringLiteral("made")), link));
        s = PrivateSocket::listen(server, link + QStringLiteral("/s"));
        QVERIFY(!s);
        QVERIFY2(
            s.error().message.contains(QStringLiteral("is not a folder")), qPrintable(s.error().message));
        QCOMPARE(PrivateSocket::checkFolder(link + QStringLiteral("/s")).error().code, Error::Code::Denied);
    }

    // After a SIGKILL the socket file stays; the next server of ours takes it over.
    void aStaleSocketOfOursIsTakenOver()
    {
        const QString path = m_tmp.filePath(QStringLiteral("s-stale"));
        QVERIFY(leaveStaleSocket(path));
        QLocalServer server;
        const Status s = PrivateSocket::listen(server, path);
        QVERIFY2(s, qPrintable(s ? QString() : s.error().message));
    }

    void aSocketFileOfAnotherUserIsLeftAlone()
    {
        needRoot();
        const QString path = m_tmp.filePath(QStringLiteral("s-theirs"));
        QVERIFY(leaveStaleSocket(path));
        QVERIFY(::lchown(QFile::encodeName(path).constData(), s_nobody, s_nogroup) == 0);
        QLocalServer server;
        const Status s = PrivateSocket::listen(server, path);
        QVERIFY(!s);
        QVERIFY2(s.error().message.contains(QStringLiteral("belongs to another user (uid 65534)")),
            qPrintable(s.error().message));
        QCOMPARE(mode(path) >= 0, true); // still there
    }

    void aFolderOfAnotherUserIsRefused()
    {
        needRoot();
        const QString dir = m_tmp.filePath(QStringLiteral("theirs"));
        QVERIFY(QDir().mkdir(dir));
        QVERIFY(::chown(QFile::encodeName(dir).constData(), s_nobody, s_nogroup) == 0);
        QLocalServer server;
        const Status s = PrivateSocket::listen(server, dir + QStringLiteral("/s"));
        QVERIFY(!s);
        QVERIFY2(s.error().message.contains(QStringLiteral("belongs to another user (uid 65534)")),
            qPrintable(s.error().message));
        const auto sent = LocalIntakeClient::send(dir + QStringLiteral("/s"), { item(QStringLiteral("x")) });
        QCOMPARE(sent.error().code, Error::Code::Denied);
        QVERIFY2(
            sent.error().message.contains(QStringLiteral("sent nothing")), qPrintable(sent.error().message));
    }

    // A listener of another user in our own folder (bound by us, listening as them): the client
    // learns who answers before it writes a byte.
    void theClientSendsNothingToAPeerOfAnotherUser()
    {
        needRoot();
        const QString path = m_tmp.filePath(QStringLiteral("s-impostor"));
        const sockaddr_un a = address(path);
        int report[2];
        QVERIFY(::pipe(report) == 0);
        const int listener = ::socket(AF_UNIX, SOCK_STREAM, 0);
        QVERIFY(::bind(listener, reinterpret_cast<const sockaddr *>(&a), sizeof(a)) == 0);
        const pid_t child = test::forkAs(s_nobody, s_nogroup, [&] {
            if (::listen(listener, 4) != 0) // peer credentials are taken here: nobody's
                return 2;
            ::write(report[1], "L", 1);
            const int connection = ::accept(listener, nullptr, nullptr);
            char buffer[256];
            pollfd p { connection, POLLIN, 0 };
            const ssize_t got = ::poll(&p, 1, 5000) == 1 ? ::read(connection, buffer, sizeof(buffer)) : -1;
            return got == 0 ? 0 : 1; // 0: the client closed without sending anything
        });
        ::close(listener);
        char ready = 0;
        QCOMPARE(::read(report[0], &ready, 1), ssize_t(1));

        const auto sent = LocalIntakeClient::send(path, { item(QStringLiteral("secret")) });
        QVERIFY(!sent);
        QCOMPARE(sent.error().code, Error::Code::Denied);
        QVERIFY2(sent.error().message.contains(
                     QStringLiteral("is owned by another user (uid 65534); Fermata sent nothing")),
            qPrintable(sent.error().message));
        QCOMPARE(test::waitForChild(child), 0);
        ::close(report[0]);
        ::close(report[1]);
    }

    // Were the folder ever opened up, the server still drops other users' connections unread.
    void theServerDropsAPeerOfAnotherUser()
    {
        needRoot();
        const QString dir = m_tmp.filePath(QStringLiteral("served"));
        const QString path = dir + QStringLiteral("/s");
        int stored = 0;
        LocalIntakeServer server([&stored](QList<InboxItem> items) {
            stored += int(items.size());
            return Result<QList<qint64>>(QList<qint64>(items.size(), 1));
        });
        QVERIFY2(server.listen(path), qPrintable(server.errorString()));
        // The same user is served. send() blocks, and the server answers from this thread's
        // event loop, so the client runs on a thread of its own.
        std::optional<Result<QList<qint64>>> sent;
        std::atomic<bool> done = false;
        std::thread client([&] {
            sent = LocalIntakeClient::send(path, { item(QStringLiteral("from us")) });
            done = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(done, 10000);
        client.join();
        QVERIFY2(*sent, qPrintable(*sent ? QString() : sent->error().message));
        QCOMPARE(stored, 1);

        for (const QString &folder : { m_tmp.path(), dir })
            QVERIFY(::chmod(QFile::encodeName(folder).constData(), 0711) == 0);
        QVERIFY(::chmod(QFile::encodeName(path).constData(), 0777) == 0);
        const sockaddr_un a = address(path);
        const QByteArray line = QByteArrayLiteral("{\"title\": \"from nobody\"}\n");
        const int code = test::runAs(s_nobody, s_nogroup, [&] {
            const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
            if (::connect(fd, reinterpret_cast<const sockaddr *>(&a), sizeof(a)) != 0)
                return 3; // the folder did not let us in: not what this case is about
            ::write(fd, line.constData(), size_t(line.size()));
            char buffer[64];
            pollfd p { fd, POLLIN, 0 };
            const ssize_t got = ::poll(&p, 1, 10000) == 1 ? ::read(fd, buffer, sizeof(buffer)) : -1;
            return got <= 0 ? 0 : 1; // 0: closed (or reset) with no answer
        });
        QCOMPARE(code, 0);
        QCOMPARE(stored, 1);
    }
};

QTEST_GUILESS_MAIN(TestPrivateSocket)
#include "tst_privatesocket.moc"
