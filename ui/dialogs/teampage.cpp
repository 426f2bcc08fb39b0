#include "dialogs/teampage.h"

#include "widgets/palettecolors.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

namespace fermata {

TeamPage::TeamPage(TeamSync *team, QWidget *parent)
    : PreferencesPage(parent)
    , m_team(team)
    , m_url(new QLineEdit(this))
    , m_user(new QLineEdit(this))
    , m_password(new QLineEdit(this))
    , m_state(new QLabel(this))
    , m_warning(new QLabel(this))
    , m_result(new QLabel(this))
    , m_test(new QPushButton(tr("&Test Connection"), this))
    , m_join(new QPushButton(tr("&Join"), this))
{
    setObjectName(QStringLiteral("teamPage"));
    m_url->setObjectName(QStringLiteral("teamHubUrl"));
    m_url->setPlaceholderText(QStringLiteral("postgresql://hub.example.com:5432/team"));
    m_user->setObjectName(QStringLiteral("teamHubUser"));
    m_user->setPlaceholderText(tr("the login your team admin gave you"));
    m_password->setObjectName(QStringLiteral("teamHubPassword"));
    m_password->setEchoMode(QLineEdit::Password);
    m_state->setObjectName(QStringLiteral("teamState"));
    m_state->setWordWrap(true);
    m_warning->setObjectName(QStringLiteral("teamSecretWarning"));
    m_warning->setWordWrap(true);
    m_warning->setAutoFillBackground(true);
    m_warning->setMargin(6);
    QPalette warn = m_warning->palette();
    warn.setColor(QPalette::Window, PaletteColors::warningFill(palette()));
    m_warning->setPalette(warn);
    m_result->setObjectName(QStringLiteral("teamResult"));
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_test->setObjectName(QStringLiteral("teamTest"));
    m_join->setObjectName(QStringLiteral("teamJoin"));

    auto *intro = new QLabel(tr("A team hub is a PostgreSQL database your team shares. Teammates see when "
                                "you read (your check-in windows), never whether you are online."), this);
    intro->setWordWrap(true);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_test);
    buttons->addWidget(m_join);
    buttons->addStretch(1);
    auto *form = new QFormLayout(this);
    form->addRow(intro);
    form->addRow(m_state);
    form->addRow(tr("Hub &address:"), m_url);
    form->addRow(tr("&Login:"), m_user);
    form->addRow(tr("&Password:"), m_password);
    form->addRow(buttons);
    form->addRow(m_result);
    form->addRow(m_warning);

    connect(m_test, &QPushButton::clicked, this, &TeamPage::testConnection);
    connect(m_join, &QPushButton::clicked, this, &TeamPage::joinOrLeave);
    for (QLineEdit *edit : {m_url, m_user, m_password})
        connect(edit, &QLineEdit::textChanged, this, &PreferencesPage::edited);
    if (m_team) {
        connect(m_team, &TeamSync::finished, this, &TeamPage::showResult);
        connect(m_team, &TeamSync::statusChanged, this, &TeamPage::refresh);
        const HubConfig account = m_team->snapshot().account;
        if (m_team->isJoined()) {
            HubConfig withoutUser = account;
            withoutUser.user.clear();
            m_url->setText(withoutUser.toUrl());
            m_user->setText(account.user);
        }
    }
    refresh();
}

std::optional<HubConfig> TeamPage::config() const
{
    Result<HubConfig> parsed = HubConfig::fromUrl(m_url->text().trimmed());
    if (!parsed)
        return std::nullopt;
    HubConfig config = *parsed;
    if (!m_user->text().trimmed().isEmpty())
        config.user = m_user->text().trimmed();
    config.passwordInUrl.clear(); // the password field is the only source
    return config;
}

QString TeamPage::validationError() const
{
    if (m_url->text().trimmed().isEmpty())
        return {};
    const Result<HubConfig> parsed = HubConfig::fromUrl(m_url->text().trimmed());
    return parsed ? QString() : tr("Team hub address: %1").arg(parsed.error().message);
}

QString TeamPage::resultText() const
{
    return m_result->text();
}

void TeamPage::refresh()
{
    const bool available = m_team != nullptr;
    const bool joined = available && m_team->isJoined();
    if (!available)
        m_state->setText(tr("The team hub is not available in this window."));
    else if (joined)
        m_state->setText(tr("You are a member of this team hub as %1. Your password is stored on this "
                            "computer; leave the field empty to test with it.")
                             .arg(m_team->snapshot().account.user));
    else
        m_state->setText(tr("Not in a team. Ask your team admin to run fermata hub add-member, then enter "
                            "the address, login and one-time password they give you and press Join."));
    m_join->setText(joined ? tr("&Leave Team") : tr("&Join"));
    m_password->setPlaceholderText(joined ? tr("stored on this computer") : tr("one-time password"));
    m_url->setReadOnly(joined);
    m_user->setReadOnly(joined);
    const QString warning = available ? m_team->snapshot().secretWarning : QString();
    m_warning->setText(warning);
    m_warning->setVisible(!warning.isEmpty());
    m_test->setEnabled(available && !m_busy);
    m_join->setEnabled(available && !m_busy);
}

void TeamPage::setBusy(bool busy, const QString &text)
{
    m_busy = busy;
    if (!text.isEmpty())
        m_result->setText(text);
    refresh();
}

void TeamPage::testConnection()
{
    const auto hub = config();
    if (!m_team || !hub || hub->user.isEmpty()) {
        m_result->setText(tr("Enter the hub address (postgresql://HOST:PORT/DATABASE, or HOST1:PORT1,HOST2:PORT2 with a standby) and your login first."));
        return;
    }
    setBusy(true, tr("Connecting to %1…").arg(hub->host));
    m_team->testConnection(*hub, m_password->text());
}

void TeamPage::joinOrLeave()
{
    if (!m_team)
        return;
    if (m_team->isJoined()) {
        setBusy(true, tr("Leaving the team hub…"));
        m_team->leave();
        return;
    }
    const auto hub = config();
    if (!hub || hub->user.isEmpty() || m_password->text().isEmpty()) {
        m_result->setText(tr("To join, enter the hub address, your login and the one-time password your "
                             "team admin gave you."));
        return;
    }
    setBusy(true, tr("Joining %1…").arg(hub->host));
    m_team->join(*hub, m_password->text());
}

void TeamPage::showResult(TeamSync::Operation operation, bool ok, const QString &message)
{
    if (operation != TeamSync::Operation::TestConnection && operation != TeamSync::Operation::Join
        && operation != TeamSync::Operation::Leave)
        return;
    if (ok && operation == TeamSync::Operation::Join)
        m_password->clear(); // spent: the hub now knows only the stored one
    // Server words arrive with the driver's tabs and line breaks ("FATAL:\t…\n"): one line.
    const QString words = message.simplified();
    m_result->setText(ok ? QStringLiteral("✓ ") + words : tr("✗ %1").arg(words));
    setBusy(false);
}

} // namespace fermata
