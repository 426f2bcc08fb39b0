#pragma once

#include "result.h"

#include <QString>

namespace fermata {

// Where a team hub lives: postgresql://USER@HOST:PORT/DATABASE[?sslmode=...]. The password
// is never part of it (it lives in the keychain); TLS is used whenever the server offers it.
struct HubConfig
{
    QString host = QStringLiteral("localhost");
    int port = 5432;
    QString database;
    QString user;
    QString sslMode = QStringLiteral("prefer");
    QString passwordInUrl; // only for `hub init --url` typed by an administrator

    // Accepts postgresql:// and postgres:// URLs. Invalid: a message saying what is missing.
    static Result<HubConfig> fromUrl(const QString &url);
    QString toUrl() const; // without any password
    // A stable key for the keychain entry of this account.
    QString accountKey() const;

    bool operator==(const HubConfig &) const = default;
};

} // namespace fermata
