#include "attention/dndcontroller.h"

#include "storage/attentionrepository.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

namespace {

// Messages people read, filed under the attention context of the core's translations.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(fermata::Attention)
};

} // namespace

namespace fermata {

const QString DndController::SavedStateKey = QStringLiteral("dnd_saved");

DndController::DndController(AttentionRepository &repo, std::unique_ptr<DesktopDnd> adapter,
                             QObject *parent)
    : QObject(parent), m_repo(repo), m_adapter(adapter ? std::move(adapter) : std::make_unique<NoDesktopDnd>())
{
}

// Deliberately no restore here: shutdown calls setHeld(false); a crash is repaired next start.
DndController::~DndController() = default;

Status DndController::recoverAfterCrash()
{
    auto saved = m_repo.value(SavedStateKey);
    if (!saved)
        return saved.error();
    if (!saved->has_value())
        return {};
    const QJsonObject json = QJsonDocument::fromJson((*saved)->toUtf8()).object();
    const QString id = json.value(QStringLiteral("adapter")).toString();
    // Restore with the adapter that saved it, even if this start detected another.
    std::unique_ptr<DesktopDnd> other;
    DesktopDnd *adapter = m_adapter.get();
    if (id != m_adapter->id()) {
        other = DesktopDnd::create(id);
        adapter = other.get();
    }
    if (adapter && !adapter->restore(json.value(QStringLiteral("state")).toString()))
        return Status::failure(Error::Code::Io,
                               Text::tr("Fermata could not switch %1's Do Not Disturb back.")
                                   .arg(adapter->displayName()));
    m_held = false;
    return m_repo.removeValue(SavedStateKey);
}

Status DndController::setHeld(bool held)
{
    if (held == m_held)
        return {};
    if (held) {
        const auto state = m_adapter->saveState();
        if (!state)
            return Status::failure(Error::Code::Io,
                                   Text::tr("Fermata could not read %1's Do Not Disturb state.")
                                       .arg(m_adapter->displayName()));
        const QJsonObject json{{QStringLiteral("adapter"), m_adapter->id()},
                               {QStringLiteral("state"), *state}};
        if (Status s = m_repo.setValue(SavedStateKey,
                                       QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact)));
            !s)
            return s; // saved first: never switch on what we could not switch back
        if (!m_adapter->enable()) {
            (void)m_repo.removeValue(SavedStateKey);
            return Status::failure(Error::Code::Io,
                                   Text::tr("Fermata could not switch on %1's Do Not Disturb.")
                                       .arg(m_adapter->displayName()));
        }
        m_held = true;
        Q_EMIT heldChanged(true);
        return {};
    }
    if (Status s = recoverAfterCrash(); !s) // same path: restore what was saved, then forget it
        return s;
    Q_EMIT heldChanged(false);
    return {};
}

} // namespace fermata
