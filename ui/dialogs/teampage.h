#pragma once

#include "dialogs/preferencespage.h"
#include "messaging/teamsync.h"

class QLabel;
class QLineEdit;
class QPushButton;

namespace fermata {

// Preferences → Team: the hub address, login and password (kept in the keychain, or in a
// file only you can read, with a warning; never in the settings file), a connection test
// with a clear result, and join/leave. Each action runs at once on the team worker.
class TeamPage final : public PreferencesPage
{
    Q_OBJECT
public:
    explicit TeamPage(TeamSync *team, QWidget *parent = nullptr);

    QString title() const override { return tr("T&eam"); }
    QString validationError() const override;
    Status apply() override { return {}; } // joining and leaving take effect at once

    void testConnection();
    void joinOrLeave();
    QString resultText() const;

private:
    std::optional<HubConfig> config() const;
    void showResult(TeamSync::Operation operation, bool ok, const QString &message);
    void refresh();
    void setBusy(bool busy, const QString &text = {});

    TeamSync *m_team = nullptr;
    QLineEdit *m_url = nullptr;
    QLineEdit *m_user = nullptr;
    QLineEdit *m_password = nullptr;
    QLabel *m_state = nullptr;
    QLabel *m_warning = nullptr;
    QLabel *m_result = nullptr;
    QPushButton *m_test = nullptr;
    QPushButton *m_join = nullptr;
    bool m_busy = false;
};

} // namespace fermata
