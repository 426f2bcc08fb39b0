#include "dialogs/caldavaccountdialog.h"

#include "caldav/caldavsync.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace fermata {

CalDavAccountDialog::CalDavAccountDialog(CalDavSync &sync, QWidget *parent)
    : QDialog(parent)
    , m_sync(sync)
{
    setObjectName(QStringLiteral("calDavAccountDialog"));
    setWindowTitle(tr("Add CalDAV Account"));
    auto *layout = new QVBoxLayout(this);
    auto *hint = new QLabel(tr("Fermata reads the meetings in the calendars you choose and writes your focus "
                               "blocks to one of them as busy time. Use an app password if your server "
                               "offers them (Nextcloud, Fastmail, iCloud: Settings › Security); it is kept in "
                               "the system keychain."),
        this);
    hint->setWordWrap(true);
    layout->addWidget(hint);

    auto *form = new QFormLayout;
    m_url = new QLineEdit(this);
    m_url->setObjectName(QStringLiteral("calDavUrlEdit"));
    m_url->setPlaceholderText(QStringLiteral("https://cloud.example.com/remote.php/dav"));
    m_user = new QLineEdit(this);
    m_user->setObjectName(QStringLiteral("calDavUserEdit"));
    m_password = new QLineEdit(this);
    m_password->setObjectName(QStringLiteral("calDavPasswordEdit"));
    m_password->setEchoMode(QLineEdit::Password);
    form->addRow(tr("&Server:"), m_url);
    form->addRow(tr("&User name:"), m_user);
    form->addRow(tr("App &password:"), m_password);
    layout->addLayout(form);

    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("calDavProblemLabel"));
    m_problem->setWordWrap(true);
    m_problem->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_problem->setStyleSheet(QStringLiteral("color: palette(link)"));
    m_problem->hide();
    layout->addWidget(m_problem);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_add = buttons->addButton(tr("&Add Account"), QDialogButtonBox::AcceptRole);
    m_add->setObjectName(QStringLiteral("calDavAddButton"));
    m_add->setDefault(true);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_add, &QPushButton::clicked, this, &CalDavAccountDialog::submit);
    connect(&m_sync, &CalDavSync::accountAdded, this, &CalDavAccountDialog::onAdded);
    setMinimumWidth(480);
}

bool CalDavAccountDialog::submit()
{
    if (m_connecting)
        return false;
    const QString address = m_url->text().trimmed();
    const QString user = m_user->text().trimmed();
    if (address.isEmpty() || user.isEmpty() || m_password->text().isEmpty()) {
        showProblem(tr("Give the server's address, your user name and the app password."));
        return false;
    }
    QUrl url = QUrl::fromUserInput(address);
    if (!url.isValid() || url.host().isEmpty()) {
        showProblem(tr("\"%1\" is not a server address: paste the CalDAV link your provider gives, e.g. "
                       "https://cloud.example.com/remote.php/dav.")
                        .arg(address));
        return false;
    }
    setConnecting(true);
    m_problem->setText(tr("Connecting to %1…").arg(url.host()));
    m_problem->show();
    m_sync.addAccount(url, user, m_password->text());
    return true;
}

void CalDavAccountDialog::onAdded(bool ok, const QString &message)
{
    if (!m_connecting)
        return;
    setConnecting(false);
    if (ok) {
        m_password->clear();
        accept();
        return;
    }
    showProblem(message);
}

void CalDavAccountDialog::setConnecting(bool connecting)
{
    m_connecting = connecting;
    for (QWidget *field : { static_cast<QWidget *>(m_url), static_cast<QWidget *>(m_user),
             static_cast<QWidget *>(m_password), static_cast<QWidget *>(m_add) })
        field->setEnabled(!connecting);
}

void CalDavAccountDialog::showProblem(const QString &text)
{
    m_problem->setText(text);
    m_problem->show();
}

} // namespace fermata
