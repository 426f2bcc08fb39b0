#pragma once

#include "result.h"

#include <QString>

#include <optional>

class QLocalServer;
class QLocalSocket;

namespace fermata {

// Where Fermata's local sockets live and who may talk on them. They live in a folder only
// this user can open: $XDG_RUNTIME_DIR or, when that is unset, <temp>/fermata-<uid>, made 0700
// on first use. A folder, socket file or peer of another user is refused with Error::Code::Denied
// and a sentence naming it: another user can neither receive what we send nor squat our names.
class PrivateSocket final
{
public:
    // The per-user folder, computed without touching the file system.
    static QString folder();
    // `name` inside folder(); an absolute path is kept as it is.
    static QString path(const QString &name);

    // For a client: NotFound when the socket's folder does not exist, Denied when it is not a
    // folder of this user's that only this user can open.
    static Status checkFolder(const QString &socketPath);
    // For a server: listens on `socketPath` (made private first: the folder is created 0700 if
    // missing). A socket file of ours that nobody serves (a crash) is taken over; one of
    // another user is never removed.
    static Status listen(QLocalServer &server, const QString &socketPath);
    // Ok when the process at the other end of `socket` runs as this user.
    static Status checkPeer(const QLocalSocket &socket, const QString &socketPath);

    // The peer's uid on a connected local socket; nullopt where the platform cannot tell.
    static std::optional<uint> peerUid(qintptr descriptor);
};

} // namespace fermata
