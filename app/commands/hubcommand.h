#pragma once

#include "appcore.h"
#include "messaging/outboxservice.h"
#include "team/secretstore.h"

#include <QStringList>
#include <QTextStream>

#include <memory>

namespace fermata {

class AppPaths;

// `fermata hub init|add-member|remove-member|join|leave|status|sync|team|windows`.
int runHubCommand(const QStringList &arguments, const AppPaths &paths);

// The local profile with its messaging service, for the hub, send and outbox commands.
struct HubSession
{
    std::unique_ptr<AppCore> core;
    std::unique_ptr<SecretStore> secrets;
    std::unique_ptr<OutboxService> service;

    static std::unique_ptr<HubSession> open(const AppPaths &paths, QTextStream &err);
};

// Command-line text is decoded from the locale; a U+FFFD means bytes that were not UTF-8.
// Returns false (after saying so on `err`) for such text.
bool checkCommandLineText(const QString &command, const QString &field, const QString &value,
                          QTextStream &err);

// A password from FERMATA_HUB_PASSWORD, else the first line of standard input.
QString readPassword();

} // namespace fermata
