// The system keychain through qtkeychain (Secret Service / KWallet, Keychain, Credential
// Store). qtkeychain links Qt Core and DBus only, so it stays inside fermata_core.
#include "team/secretstore.h"

#include <QCoreApplication> // Q_DECLARE_TR_FUNCTIONS, with or without qtkeychain

#ifdef FERMATA_HAS_QTKEYCHAIN
#include <qt6keychain/keychain.h>

#include <QEventLoop>
#include <QTimer>
#endif

namespace {

// Messages people read, filed under the team context of the core's translations.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(fermata::Team)
};

} // namespace

namespace fermata {

#ifdef FERMATA_HAS_QTKEYCHAIN
namespace {

const QString s_service = QStringLiteral("Fermata team hub");

// Runs a keychain job to completion (the jobs are asynchronous); at most 10 s, so a
// keychain that never answers cannot hang a command.
bool runJob(QKeychain::Job &job, QString *errorText)
{
    QEventLoop loop;
    bool finished = false;
    QObject::connect(&job, &QKeychain::Job::finished, &loop, [&] {
        finished = true;
        loop.quit();
    });
    QTimer::singleShot(10000, &loop, &QEventLoop::quit);
    job.setAutoDelete(false);
    job.start();
    if (!finished)
        loop.exec();
    if (!finished) {
        *errorText = Text::tr("the keychain did not answer");
        return false;
    }
    *errorText = job.errorString();
    return job.error() == QKeychain::NoError;
}

class KeychainSecretStore final : public SecretStore
{
public:
    Result<QString> read(const QString &key) override
    {
        QKeychain::ReadPasswordJob job(s_service);
        job.setKey(key);
        QString error;
        if (!runJob(job, &error))
            return Error{job.error() == QKeychain::EntryNotFound ? Error::Code::NotFound : Error::Code::Io,
                         Text::tr("The keychain could not give the password for %1 (%2).").arg(key, error)};
        return job.textData();
    }
    Status write(const QString &key, const QString &secret) override
    {
        QKeychain::WritePasswordJob job(s_service);
        job.setKey(key);
        job.setTextData(secret);
        QString error;
        if (!runJob(job, &error))
            return Status::failure(Error::Code::Io, Text::tr("The keychain refused the password (%1).").arg(error));
        return {};
    }
    Status remove(const QString &key) override
    {
        QKeychain::DeletePasswordJob job(s_service);
        job.setKey(key);
        QString error;
        if (!runJob(job, &error) && job.error() != QKeychain::EntryNotFound)
            return Status::failure(Error::Code::Io, Text::tr("The keychain could not forget the password (%1).").arg(error));
        return {};
    }
};

} // namespace

std::unique_ptr<SecretStore> makeKeychainSecretStore()
{
    return std::make_unique<KeychainSecretStore>();
}
#else
std::unique_ptr<SecretStore> makeKeychainSecretStore()
{
    return nullptr;
}
#endif

} // namespace fermata
