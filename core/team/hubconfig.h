#pragma once

#include "result.h"

#include <QList>
#include <QString>

namespace fermata {

// Where a team hub lives: postgresql://USER@HOST:PORT[,HOST2:PORT2...]/DATABASE[?sslmode=...]
// [&target_session_attrs=read-write]. Several servers are a primary and its standbys: libpq
// tries them in order and, with read-write (the default when there are several), keeps the
// one that accepts writes — so after a failover the client finds the new primary by itself.
// The password is never part of it (it lives in the keychain); TLS is used whenever the server
// offers it.
struct HubConfig
{
    struct Server
    {
        QString host;
        int port = 5432;
        bool operator==(const Server &) const = default;
    };

    QString host = QStringLiteral("localhost"); // the first server
    int port = 5432;
    QList<Server> standbys;                     // further servers, tried after the first
    QString database;
    QString user;
    QString sslMode = QStringLiteral("prefer");
    QString targetSessionAttrs;                 // empty: "read-write" with standbys, else libpq's default
    QString passwordInUrl; // only for `hub init --url` typed by an administrator

    // Accepts postgresql:// and postgres:// URLs. Invalid: a message saying what is missing.
    static Result<HubConfig> fromUrl(const QString &url);
    QString toUrl() const; // without any password
    // A stable key for the keychain entry of this account (the first server names it).
    QString accountKey() const;

    QList<Server> servers() const;              // the first, then the standbys
    QString serversText() const;                // "h1:5432, h2:5433" for messages
    // libpq's host and port lists ("h1,h2", "5432,5433") and the session attribute to ask for.
    QString libpqHosts() const;
    QString libpqPorts() const;
    QString effectiveTargetSessionAttrs() const;

    bool operator==(const HubConfig &) const = default;
};

} // namespace fermata
