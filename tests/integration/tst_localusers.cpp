// Another local user on the same machine: cannot read the profile, cannot reach the running
// `fermata serve`, and cannot squat the socket folder to receive what `fermata notify` sends
// or keep serve from starting. Runs as root: it makes a second account (useradd) and acts as
// it in forked children; otherwise it skips, saying so.
#include "apppaths.h"
#include "attention/localintakeserver.h"
#include "otheruser.h"
#include "testsupport.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>

#include <fcntl.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>

namespace {

const QString s_fermata = QStringLiteral(FERMATA_EXECUTABLE);

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

sockaddr_un address(const QByteArray &path)
{
    sockaddr_un a = {};
    a.sun_family = AF_UNIX;
    std::memcpy(a.sun_path, path.constData(), size_t(qMin<qsizetype>(path.size(), sizeof(a.sun_path) - 1)));
    return a;
}

struct stat fileStatus(const QString &path)
{
    struct stat st = {};
    ::lstat(QFile::encodeName(path).constData(), &st);
    return st;
}

} // namespace

class TestLocalUsers : public QObject
{
    Q_OBJECT
    std::unique_ptr<fermata::test::LocalUser> m_other;
    QTemporaryDir m_base;
    int m_tmpCount = 0;

    // The environment of Fermata's processes: the suite's private runtime folder, or none, so
    // the sockets go to <TMPDIR>/fermata-<uid> in a shared (1777) folder of this test's.
    QProcessEnvironment environment(const QString &sharedTmp = {}) const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        if (!sharedTmp.isEmpty()) {
            env.remove(QStringLiteral("XDG_RUNTIME_DIR"));
            env.insert(QStringLiteral("TMPDIR"), sharedTmp);
        }
        return env;
    }

    QString makeSharedTmp()
    {
        const QString dir = m_base.filePath(QStringLiteral("tmp%1").arg(++m_tmpCount));
        if (!QDir().mkdir(dir) || ::chmod(QFile::encodeName(dir).constData(), 01777) != 0)
            return {};
        return dir;
    }

    // The socket paths Fermata computes in `env`: {notify socket, single-instance socket}.
    static std::pair<QString, QString> socketPaths(const QString &profile, const QProcessEnvironment &env)
    {
        const QByteArray runtime = qgetenv("XDG_RUNTIME_DIR");
        const QByteArray tmp = qgetenv("TMPDIR");
        const auto restore = qScopeGuard([&] {
            runtime.isNull() ? qunsetenv("XDG_RUNTIME_DIR") : qputenv("XDG_RUNTIME_DIR", runtime);
            tmp.isNull() ? qunsetenv("TMPDIR") : qputenv("TMPDIR", tmp);
        });
        for (const char *name : { "XDG_RUNTIME_DIR", "TMPDIR" }) {
            const QString value = env.value(QString::fromLatin1(name));
            value.isEmpty() ? qunsetenv(name) : qputenv(name, value.toLocal8Bit());
        }
        const QString key = fermata::AppPaths::inDirectory(profile).instanceKey();
        return { fermata::LocalIntakeServer::socketName(key), key };
    }

    static Run runFermata(const QStringList &arguments, const QProcessEnvironment &env)
    {
        QProcess p;
        p.setProcessEnvironment(env);
        p.start(s_fermata, arguments);
        if (!p.waitForFinished(60000))
            p.kill();
        return { p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
            QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError()) };
    }

    static Run notify(const QString &profile, const QString &title, const QProcessEnvironment &env)
    {
        return runFermata(
            { QStringLiteral("--data-dir"), profile, QStringLiteral("notify"), QStringLiteral("--source"),
                QStringLiteral("test"), QStringLiteral("--title"), title },
            env);
    }

    // As the other user: 0 when connecting to `path` fails, 1 when it connects and gets an
    // answer to a notification, 2 when it connects and gets none.
    int otherUserConnects(const QString &path)
    {
        const sockaddr_un a = address(QFile::encodeName(path));
        const QByteArray line = QByteArrayLiteral("{\"title\": \"from the other user\"}\n");
        return fermata::test::runAs(m_other->uid(), m_other->gid(), [&] {
            const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
            if (::connect(fd, reinterpret_cast<const sockaddr *>(&a), sizeof(a)) != 0)
                return 0;
            ::write(fd, line.constData(), size_t(line.size()));
            char buffer[64];
            pollfd p { fd, POLLIN, 0 };
            return ::poll(&p, 1, 10000) == 1 && ::read(fd, buffer, sizeof(buffer)) > 0 ? 1 : 2;
        });
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (::geteuid() != 0)
            QSKIP("this test makes a second local user and acts as it, which needs root "
                  "(the CI container runs the suite as root)");
        fermata::test::pinEnvironment();
        ::umask(022); // a common umask: Fermata's privacy must not depend on a stricter one
        QVERIFY(m_base.isValid());
        // Like a home folder: others may pass through it, so only Fermata's own modes protect.
        QVERIFY(::chmod(QFile::encodeName(m_base.path()).constData(), 0755) == 0);
        m_other = std::make_unique<fermata::test::LocalUser>();
        QVERIFY2(m_other->isValid(), qPrintable(m_other->error()));
    }

    void cleanupTestCase() { m_other.reset(); }

    // (a) The data folder (0700) and database (0600) that Fermata makes keep others out.
    void theProfileIsNotReadableByOthers()
    {
        const QString profile = m_base.filePath(QStringLiteral("profile-a"));
        const Run run = notify(profile, QStringLiteral("secret"), environment());
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QByteArray dir = QFile::encodeName(profile);
        const QByteArray db = QFile::encodeName(profile + QStringLiteral("/fermata.sqlite"));
        qInfo("data folder mode %o, database mode %o", fileStatus(profile).st_mode & 07777,
            fileStatus(profile + QStringLiteral("/fermata.sqlite")).st_mode & 07777);
        const int code = fermata::test::runAs(m_other->uid(), m_other->gid(), [&] {
            int leaks = 0;
            if (const int fd = ::open(dir.constData(), O_RDONLY | O_DIRECTORY); fd >= 0)
                leaks |= 1;
            if (const int fd = ::open(db.constData(), O_RDONLY); fd >= 0)
                leaks |= 2;
            return leaks;
        });
        QVERIFY2(code != 1 && code != 3, "the other user can list the data folder");
        QVERIFY2(code != 2, "the other user can read the database");
        QCOMPARE(code, 0);
    }

    // (b) The running serve's socket is out of the other user's reach, in the runtime folder
    // and in the fallback folder Fermata makes itself.
    void theRunningServeCannotBeReached_data()
    {
        QTest::addColumn<bool>("fallback");
        QTest::newRow("XDG_RUNTIME_DIR") << false;
        QTest::newRow("fallback folder in TMPDIR") << true;
    }

    void theRunningServeCannotBeReached()
    {
        QFETCH(bool, fallback);
        const QString sharedTmp = fallback ? makeSharedTmp() : QString();
        QVERIFY(!fallback || !sharedTmp.isEmpty());
        const QProcessEnvironment env = environment(sharedTmp);
        const QString profile = m_base.filePath(QStringLiteral("profile-b%1").arg(fallback));
        const QString socket = socketPaths(profile, env).first;

        QProcess serve;
        const auto stop = qScopeGuard([&serve] {
            serve.kill();
            serve.waitForFinished();
        });
        serve.setProcessEnvironment(env);
        serve.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        serve.start(s_fermata, { QStringLiteral("--data-dir"), profile, QStringLiteral("serve") });
        QVERIFY(serve.waitForStarted());
        QByteArray output;
        QTRY_VERIFY_WITH_TIMEOUT(
            (output += serve.readAllStandardOutput()).contains("ready") || serve.state() != QProcess::Running,
            30000);
        QCOMPARE(serve.state(), QProcess::Running);
        QVERIFY2(QFileInfo::exists(socket), qPrintable(socket));
        if (fallback) {
            const QString folder = QFileInfo(socket).absolutePath();
            QCOMPARE(folder, sharedTmp + QStringLiteral("/fermata-0"));
            QCOMPARE(fileStatus(folder).st_mode & 07777, mode_t(0700));
            QCOMPARE(fileStatus(folder).st_uid, uid_t(0));
        }

        QCOMPARE(otherUserConnects(socket), 0);
        const Run ours = notify(profile, QStringLiteral("from us"), env);
        QVERIFY2(ours.out.startsWith(QStringLiteral("Fermata took notification")),
            qPrintable(ours.out + ours.err));
    }

    // (c) The other user makes the fallback folder first (or a link to a folder of theirs) and
    // listens inside it as Fermata would. Nothing of ours talks to it, and it says why.
    void theSocketFolderCannotBeSquatted_data()
    {
        QTest::addColumn<bool>("asLink");
        QTest::newRow("their folder") << false;
        QTest::newRow("a link to their folder") << true;
    }

    void theSocketFolderCannotBeSquatted()
    {
        QFETCH(bool, asLink);
        const QString sharedTmp = makeSharedTmp();
        QVERIFY(!sharedTmp.isEmpty());
        const QProcessEnvironment env = environment(sharedTmp);
        const QString profile = m_base.filePath(QStringLiteral("profile-c%1").arg(asLink));
        const auto [notifySocket, instanceSocket] = socketPaths(profile, env);
        const QByteArray squat = QFile::encodeName(sharedTmp + QStringLiteral("/fermata-0"));
        const QByteArray theirs = QFile::encodeName(sharedTmp + QStringLiteral("/theirs"));
        const sockaddr_un addresses[2]
            = { address(QFile::encodeName(notifySocket)), address(QFile::encodeName(instanceSocket)) };

        int report[2];
        QVERIFY(::pipe2(report, O_NONBLOCK) == 0);
        const pid_t impostor = fermata::test::forkAs(m_other->uid(), m_other->gid(), [&] {
            const QByteArray &folder = asLink ? theirs : squat;
            if (::mkdir(folder.constData(), 0777) != 0 || ::chmod(folder.constData(), 0777) != 0)
                return 2;
            if (asLink && ::symlink(theirs.constData(), squat.constData()) != 0)
                return 3;
            pollfd listeners[2];
            for (int i = 0; i < 2; ++i) {
                const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
                if (::bind(fd, reinterpret_cast<const sockaddr *>(&addresses[i]), sizeof(addresses[i])) != 0
                    || ::chmod(addresses[i].sun_path, 0777) != 0 || ::listen(fd, 16) != 0)
                    return 4;
                listeners[i] = { fd, POLLIN, 0 };
            }
            ::write(report[1], "L", 1);
            for (;;) { // answers every line as Fermata would, and tells the test it got one
                if (::poll(listeners, 2, -1) <= 0)
                    continue;
                for (const pollfd &l : listeners) {
                    if (!(l.revents & POLLIN))
                        continue;
                    const int c = ::accept(l.fd, nullptr, nullptr);
                    char buffer[4096];
                    pollfd p { c, POLLIN, 0 };
                    if (::poll(&p, 1, 2000) == 1 && ::read(c, buffer, sizeof(buffer)) > 0)
                        ::write(report[1], "R", 1);
                    ::write(c, "ok 1\n", 5);
                    ::close(c);
                }
            }
        });
        const auto stopImpostor = qScopeGuard([&] {
            ::kill(impostor, SIGKILL);
            fermata::test::waitForChild(impostor);
            ::close(report[0]);
            ::close(report[1]);
        });
        char byte = 0;
        if (!QTest::qWaitFor([&] { return ::read(report[0], &byte, 1) == 1; }, 10000))
            QFAIL(qPrintable(QStringLiteral("the other user could not set up the squat (step %1)")
                                 .arg(fermata::test::waitForChild(impostor, 1000))));
        QCOMPARE(byte, 'L');

        const Run serve = runFermata({ QStringLiteral("--data-dir"), profile, QStringLiteral("serve") }, env);
        QCOMPARE(serve.exitCode, 1);
        QVERIFY(!serve.out.contains(QStringLiteral("ready")));
        const QString why = asLink ? QStringLiteral("is not a folder")
                                   : QStringLiteral("belongs to another user (uid %1)").arg(m_other->uid());
        QVERIFY2(serve.err.contains(why), qPrintable(serve.err));

        // Nothing goes to the impostor, and nothing is lost: stored directly, with a warning.
        const Run sent = notify(profile, QStringLiteral("secret"), env);
        QCOMPARE(sent.exitCode, 0);
        QVERIFY2(sent.out.startsWith(QStringLiteral("Held")) || sent.out.startsWith(QStringLiteral("Delivered")),
                 qPrintable(sent.out));
        QVERIFY2(sent.err.contains(why) && sent.err.contains(QStringLiteral("sent nothing")),
            qPrintable(sent.err));

        // The window's single-instance check asks the impostor nothing either; it starts alone.
        QProcess window;
        window.setProcessEnvironment(env);
        window.start(s_fermata, { QStringLiteral("--data-dir"), profile });
        QVERIFY(window.waitForStarted());
        QByteArray windowErr;
        QTRY_VERIFY_WITH_TIMEOUT(
            (windowErr += window.readAllStandardError()).contains("single-instance socket")
                || window.state() != QProcess::Running,
            30000);
        QVERIFY2(windowErr.contains(why.toUtf8()),
            qPrintable(QStringLiteral("%1 (window %2, exit status %3, code %4)")
                           .arg(QString::fromUtf8(windowErr),
                               window.state() == QProcess::Running ? QStringLiteral("running")
                                                                   : QStringLiteral("stopped"))
                           .arg(int(window.exitStatus()))
                           .arg(window.exitCode())));
        window.kill();
        window.waitForFinished();

        QCOMPARE(::read(report[0], &byte, 1), ssize_t(-1)); // the impostor received nothing
    }
};

QTEST_GUILESS_MAIN(TestLocalUsers)
#include "tst_localusers.moc"
