#pragma once

#include <QObject>
#include <QString>

class QLocalServer;

namespace fermata {

// One window per profile: the first launch listens on a local socket named after the
// profile (in the user's private socket folder, see PrivateSocket); a second launch asks it to
// come to the front and exits. Only processes of the same user are listened to.
class SingleInstance final : public QObject
{
    Q_OBJECT
public:
    explicit SingleInstance(QString key, QObject *parent = nullptr);
    ~SingleInstance() override;

    // True when another instance answered and was asked to activate.
    bool activateRunningInstance(int timeoutMs = 1000);
    // Starts listening; false (with errorString()) when the socket cannot be created.
    bool listen();
    QString errorString() const { return m_error; }

Q_SIGNALS:
    void activationRequested();

private:
    void handleConnection();

    QString m_key;
    QLocalServer *m_server = nullptr;
    QString m_error;
};

} // namespace fermata
