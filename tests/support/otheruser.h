#pragma once

// Acting as another local user, for tests of what Fermata refuses to share with one. Needs root
// and POSIX accounts, so it exists on Unix only; the tests that include it are Unix tests.
#include <QCoreApplication>
#include <QProcess>
#include <QString>
#include <QTest>

#ifdef Q_OS_UNIX
#include <grp.h>
#include <pwd.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

namespace fermata::test {

// A second local account, made with useradd for the test's lifetime and removed after it.
class LocalUser
{
public:
    LocalUser()
    {
        m_name = QStringLiteral("fermata-other-%1").arg(QCoreApplication::applicationPid());
        QProcess useradd;
        useradd.start(QStringLiteral("useradd"),
            { QStringLiteral("--system"), QStringLiteral("--no-create-home"), QStringLiteral("--shell"),
                QStringLiteral("/usr/sbin/nologin"), QStringLiteral("--user-group"), m_name });
        if (!useradd.waitForFinished(30000) || useradd.exitStatus() != QProcess::NormalExit
            || useradd.exitCode() != 0) {
            m_error = QStringLiteral("useradd %1 failed: %2 %3")
                          .arg(m_name, useradd.errorString(),
                              QString::fromLocal8Bit(useradd.readAllStandardError()));
            return;
        }
        m_created = true;
        if (const passwd *pw = ::getpwnam(m_name.toLocal8Bit().constData())) {
            m_uid = pw->pw_uid;
            m_gid = pw->pw_gid;
        } else {
            m_error = QStringLiteral("useradd made %1 but getpwnam does not find it").arg(m_name);
        }
    }
    ~LocalUser()
    {
        if (m_created)
            QProcess::execute(QStringLiteral("userdel"), { m_name });
    }
    Q_DISABLE_COPY_MOVE(LocalUser)

    bool isValid() const { return m_error.isEmpty(); }
    QString error() const { return m_error; }
    QString name() const { return m_name; }
    uid_t uid() const { return m_uid; }
    gid_t gid() const { return m_gid; }

private:
    QString m_name;
    QString m_error;
    bool m_created = false;
    uid_t m_uid = 0;
    gid_t m_gid = 0;
};

// Runs `body` in a forked child that has become `uid`/`gid` and exits with its return value;
// returns the child's pid (-1 when fork failed). The child may only make raw system calls
// (the parent can be multi-threaded): prepare every path and buffer before calling.
template<typename Body> pid_t forkAs(uid_t uid, gid_t gid, Body body)
{
    const pid_t pid = ::fork();
    if (pid != 0)
        return pid;
    if (::setgroups(0, nullptr) != 0 || ::setgid(gid) != 0 || ::setuid(uid) != 0)
        ::_exit(100);
    ::_exit(body());
}

// The child's exit code once it ends, with the event loop running meanwhile (a server under
// test may live in this process); -1 if it did not end in time (it is killed) or crashed.
inline int waitForChild(pid_t pid, int timeoutMs = 20000)
{
    if (pid < 0)
        return -1;
    int status = 0;
    pid_t done = 0;
    (void)QTest::qWaitFor([&] { return (done = ::waitpid(pid, &status, WNOHANG)) != 0; }, timeoutMs);
    if (done == 0) {
        ::kill(pid, SIGKILL);
        ::waitpid(pid, &status, 0);
        return -1;
    }
    return done == pid && WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

template<typename Body> int runAs(uid_t uid, gid_t gid, Body body, int timeoutMs = 20000)
{
    return waitForChild(forkAs(uid, gid, body), timeoutMs);
}

} // namespace fermata::test

#endif // Q_OS_UNIX
