#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;

namespace fermata {

class CalDavSync;

// Preferences > Calendars > Add CalDAV Account…: server address, user name and app password.
// Add connects on the worker thread (discovery, the calendar list, the password into the
// keychain, a first sync) and closes once the server accepted them; otherwise it stays open and
// says why, in the dialog.
class CalDavAccountDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit CalDavAccountDialog(CalDavSync &sync, QWidget *parent = nullptr);

    // Checks the form and starts adding; false (and the reason shown) when the form is incomplete.
    bool submit();
    bool isConnecting() const { return m_connecting; }

    QLineEdit *urlEdit() const { return m_url; }
    QLineEdit *userEdit() const { return m_user; }
    QLineEdit *passwordEdit() const { return m_password; }
    QLabel *problemLabel() const { return m_problem; }
    QPushButton *addButton() const { return m_add; }

private:
    void onAdded(bool ok, const QString &message);
    void setConnecting(bool connecting);
    void showProblem(const QString &text);

    CalDavSync &m_sync;
    QLineEdit *m_url = nullptr;
    QLineEdit *m_user = nullptr;
    QLineEdit *m_password = nullptr;
    QLabel *m_problem = nullptr;
    QPushButton *m_add = nullptr;
    bool m_connecting = false;
};

} // namespace fermata
