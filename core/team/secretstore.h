#pragma once

#include "result.h"

#include <QString>

#include <memory>

namespace fermata {

// Where the member's hub password is kept: the system keychain (qtkeychain) when there is
// one, else a file readable only by the user (0600) with a visible warning. Never in the
// plain settings file.
class SecretStore
{
public:
    virtual ~SecretStore() = default;
    // NotFound when there is no secret under `key`.
    virtual Result<QString> read(const QString &key) = 0;
    virtual Status write(const QString &key, const QString &secret) = 0;
    virtual Status remove(const QString &key) = 0;
    // A sentence for people when the secret is kept somewhere weaker than a keychain.
    virtual QString warning() const { return {}; }
};

// A JSON file of key -> secret, created with mode 0600 (owner read/write only).
class FileSecretStore final : public SecretStore
{
public:
    explicit FileSecretStore(QString path) : m_path(std::move(path)) {}
    Result<QString> read(const QString &key) override;
    Status write(const QString &key, const QString &secret) override;
    Status remove(const QString &key) override;
    QString warning() const override;
    QString path() const { return m_path; }

private:
    QString m_path;
};

// The keychain first; the file when the keychain is missing or refuses.
class FallbackSecretStore final : public SecretStore
{
public:
    FallbackSecretStore(std::unique_ptr<SecretStore> keychain, QString filePath);
    Result<QString> read(const QString &key) override;
    Status write(const QString &key, const QString &secret) override;
    Status remove(const QString &key) override;
    QString warning() const override { return m_usedFile ? m_file.warning() : QString(); }

private:
    std::unique_ptr<SecretStore> m_keychain; // may be null: no keychain in this build
    FileSecretStore m_file;
    bool m_usedFile = false;
};

// The system keychain through qtkeychain; null when this build has none.
std::unique_ptr<SecretStore> makeKeychainSecretStore();

// The store the app uses. FERMATA_SECRET_STORE=file skips the keychain (headless machines,
// CI); =keychain never falls back.
std::unique_ptr<SecretStore> makeSecretStore(const QString &fallbackFilePath);

} // namespace fermata
