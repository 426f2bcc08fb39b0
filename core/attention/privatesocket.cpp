#include "attention/privatesocket.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLocalServer>
#include <QLocalSocket>

// Local sockets are files on Unix, so who may reach them is a question of folders, owners and
// peer credentials. Windows' named pipes get their ACL from QLocalServer::UserAccessOption.
#ifdef Q_OS_UNIX
#include <cerrno>
#include <cstring>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>
#endif

namespace {

// Messages people read, filed under the attention context of the core's translations.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(fermata::Attention)
};

} // namespace

namespace fermata {

namespace {

#ifdef Q_OS_UNIX
const QString s_useAnother
    = Text::tr("Remove it, or set XDG_RUNTIME_DIR to a folder only you can open.");

Status denied(const QString &message)
{
    return Status::failure(Error::Code::Denied, message);
}

// Ok when `dir` is a real folder (not a link) of this user that no one else can open.
Status inspectFolder(const QString &dir)
{
    struct stat st = {};
    if (::lstat(QFile::encodeName(dir).constData(), &st) != 0) {
        const int error = errno;
        if (error == ENOENT)
            return Status::failure(Error::Code::NotFound, Text::tr("%1 does not exist.").arg(dir));
        return Status::failure(Error::Code::Io,
            Text::tr("Fermata cannot look at %1: %2.")
                .arg(dir, QString::fromLocal8Bit(std::strerror(error))));
    }
    if (!S_ISDIR(st.st_mode))
        return denied(Text::tr("%1 is not a folder, so Fermata will not keep its sockets there. %2")
                          .arg(dir, s_useAnother));
    if (st.st_uid != ::geteuid())
        return denied(Text::tr("%1 belongs to another user (uid %2), so Fermata will not keep its "
                               "sockets there. %3")
                          .arg(dir)
                          .arg(st.st_uid)
                          .arg(s_useAnother));
    if ((st.st_mode & 077) != 0)
        return denied(Text::tr("Other users can open %1 (mode %2), so Fermata will not keep its "
                               "sockets there. Run chmod 700 on it, or set XDG_RUNTIME_DIR to a "
                               "folder only you can open.")
                          .arg(dir)
                          .arg(st.st_mode & 07777, 4, 8, QLatin1Char('0')));
    return {};
}

Status makePrivateFolder(const QString &dir)
{
    if (::mkdir(QFile::encodeName(dir).constData(), 0700) != 0 && errno != EEXIST)
        return Status::failure(Error::Code::Io,
            Text::tr("Fermata cannot create %1: %2.")
                .arg(dir, QString::fromLocal8Bit(std::strerror(errno))));
    return inspectFolder(dir); // whatever is there now, made by us or not, must pass
}

// A socket file in the way of listen(): ours (left by a crash; the caller found nobody answering)
// is removed, anything else stays.
Status removeStale(const QString &socketPath)
{
    struct stat st = {};
    const QByteArray native = QFile::encodeName(socketPath);
    if (::lstat(native.constData(), &st) != 0)
        return {};
    if (st.st_uid != ::geteuid())
        return denied(Text::tr("%1 belongs to another user (uid %2); Fermata leaves it alone.")
                          .arg(socketPath)
                          .arg(st.st_uid));
    if (!S_ISSOCK(st.st_mode))
        return denied(Text::tr("%1 is not a socket; Fermata leaves it alone.").arg(socketPath));
    ::unlink(native.constData());
    return {};
}
#endif

} // namespace

QString PrivateSocket::folder()
{
#ifdef Q_OS_UNIX
    const QByteArray runtime = qgetenv("XDG_RUNTIME_DIR");
    if (!runtime.isEmpty())
        return QDir::cleanPath(QFile::decodeName(runtime));
    // A name others can guess, so it is checked (ours, 0700, not a link) every time it is used.
    return QDir::tempPath() + QStringLiteral("/fermata-") + QString::number(::geteuid());
#else
    return {};
#endif
}

QString PrivateSocket::path(const QString &name)
{
    const QString dir = folder();
    if (dir.isEmpty() || QDir::isAbsolutePath(name))
        return name;
    return dir + QLatin1Char('/') + name;
}

Status PrivateSocket::checkFolder(const QString &socketPath)
{
#ifdef Q_OS_UNIX
    return inspectFolder(QFileInfo(socketPath).absolutePath());
#else
    Q_UNUSED(socketPath);
    return {};
#endif
}

Status PrivateSocket::listen(QLocalServer &server, const QString &socketPath)
{
    server.setSocketOptions(QLocalServer::UserAccessOption);
#ifdef Q_OS_UNIX
    const qsizetype limit = qsizetype(sizeof(sockaddr_un::sun_path));
    if (QFile::encodeName(socketPath).size() >= limit)
        return Status::failure(Error::Code::Invalid,
            Text::tr("The socket path %1 is too long (a local socket takes at most "
                     "%2 bytes); set XDG_RUNTIME_DIR to a shorter folder.")
                .arg(socketPath)
                .arg(limit - 1));
    if (Status s = makePrivateFolder(QFileInfo(socketPath).absolutePath()); !s)
        return s;
    // Before listen(): with access options Qt binds elsewhere and renames over whatever is there.
    if (Status s = removeStale(socketPath); !s)
        return s;
#endif
    if (!server.listen(socketPath))
        return Status::failure(Error::Code::Io,
            Text::tr("Fermata cannot listen on %1: %2").arg(socketPath, server.errorString()));
    return {};
}

Status PrivateSocket::checkPeer(const QLocalSocket &socket, const QString &socketPath)
{
#ifdef Q_OS_UNIX
    const std::optional<uint> uid = peerUid(socket.socketDescriptor());
    if (!uid)
        return denied(
            Text::tr("Fermata cannot tell which user answers on %1, so it sent nothing to it.")
                .arg(socketPath));
    if (*uid != ::geteuid())
        return denied(Text::tr("%1 is owned by another user (uid %2); Fermata sent nothing to it.")
                          .arg(socketPath)
                          .arg(*uid));
#else
    Q_UNUSED(socket);
    Q_UNUSED(socketPath);
#endif
    return {};
}

std::optional<uint> PrivateSocket::peerUid(qintptr descriptor)
{
#if defined(Q_OS_LINUX)
    struct ucred credentials = {};
    socklen_t size = sizeof(credentials);
    if (descriptor < 0 || ::getsockopt(int(descriptor), SOL_SOCKET, SO_PEERCRED, &credentials, &size) != 0)
        return std::nullopt;
    return uint(credentials.uid);
#elif defined(Q_OS_UNIX)
    uid_t uid = 0;
    gid_t gid = 0;
    if (descriptor < 0 || ::getpeereid(int(descriptor), &uid, &gid) != 0)
        return std::nullopt;
    return uint(uid);
#else
    Q_UNUSED(descriptor);
    return std::nullopt;
#endif
}

} // namespace fermata
