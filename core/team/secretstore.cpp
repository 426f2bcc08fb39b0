#include "team/secretstore.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace {

// Messages people read, filed under the team context of the core's translations.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(fermata::Team)
};

} // namespace

namespace fermata {

namespace {

Result<QJsonObject> readSecrets(const QString &path)
{
    QFile file(path);
    if (!file.exists())
        return QJsonObject();
    if (!file.open(QIODevice::ReadOnly))
        return Error{Error::Code::Io, Text::tr("Fermata could not read its password file %1 (%2).")
                                          .arg(path, file.errorString())};
    return QJsonDocument::fromJson(file.readAll()).object();
}

Status writeSecrets(const QString &path, const QJsonObject &secrets)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QSaveFile file(path);
    // Owner read/write only, set before any byte is written.
    if (!file.open(QIODevice::WriteOnly)
        || !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner))
        return Status::failure(Error::Code::Io, Text::tr("Fermata could not write its password file %1 (%2).")
                                                    .arg(path, file.errorString()));
    file.write(QJsonDocument(secrets).toJson(QJsonDocument::Compact));
    if (!file.commit())
        return Status::failure(Error::Code::Io, Text::tr("Fermata could not write its password file %1 (%2).")
                                                    .arg(path, file.errorString()));
    return {};
}

} // namespace

Result<QString> FileSecretStore::read(const QString &key)
{
    const Result<QJsonObject> secrets = readSecrets(m_path);
    if (!secrets)
        return secrets.error();
    if (!secrets->contains(key))
        return Error{Error::Code::NotFound, Text::tr("No password is stored for %1.").arg(key)};
    return secrets->value(key).toString();
}

Status FileSecretStore::write(const QString &key, const QString &secret)
{
    Result<QJsonObject> secrets = readSecrets(m_path);
    if (!secrets)
        return secrets.error();
    secrets.value().insert(key, secret);
    return writeSecrets(m_path, *secrets);
}

Status FileSecretStore::remove(const QString &key)
{
    Result<QJsonObject> secrets = readSecrets(m_path);
    if (!secrets)
        return secrets.error();
    secrets.value().remove(key);
    return writeSecrets(m_path, *secrets);
}

QString FileSecretStore::warning() const
{
    return Text::tr("No system keychain is available: the password is kept in %1, "
                    "readable only by you.").arg(m_path);
}

FallbackSecretStore::FallbackSecretStore(std::unique_ptr<SecretStore> keychain, QString filePath)
    : m_keychain(std::move(keychain)), m_file(std::move(filePath))
{
}

Result<QString> FallbackSecretStore::read(const QString &key)
{
    if (m_keychain) {
        Result<QString> secret = m_keychain->read(key);
        if (secret)
            return secret;
    }
    Result<QString> fromFile = m_file.read(key);
    if (fromFile)
        m_usedFile = true;
    return fromFile;
}

Status FallbackSecretStore::write(const QString &key, const QString &secret)
{
    if (m_keychain && m_keychain->write(key, secret)) {
        // A stale copy in the file must not outlive the keychain entry.
        if (m_file.read(key).isOk())
            (void)m_file.remove(key);
        return {};
    }
    m_usedFile = true;
    return m_file.write(key, secret);
}

Status FallbackSecretStore::remove(const QString &key)
{
    if (m_keychain)
        (void)m_keychain->remove(key);
    if (m_file.read(key).isOk())
        return m_file.remove(key);
    return {};
}

std::unique_ptr<SecretStore> makeSecretStore(const QString &fallbackFilePath)
{
    const QByteArray choice = qgetenv("FERMATA_SECRET_STORE");
    if (choice == "file")
        return std::make_unique<FallbackSecretStore>(nullptr, fallbackFilePath);
    if (choice == "keychain") {
        if (auto keychain = makeKeychainSecretStore())
            return keychain;
    }
    return std::make_unique<FallbackSecretStore>(makeKeychainSecretStore(), fallbackFilePath);
}

} // namespace fermata
