#include "calendar/importedfilecache.h"

#include <algorithm>

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace {

// Messages people read, filed under the calendar context of the core's translations.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(fermata::Calendar)
};

} // namespace

namespace fermata {

namespace {

QString indexPath(const QString &directory)
{
    return QDir(directory).filePath(QStringLiteral("imported-files.json"));
}

} // namespace

ImportedFileCache::ImportedFileCache(QString directory) : m_directory(std::move(directory)) {}

QString ImportedFileCache::copyPath(const QString &source) const
{
    // A hash, not the name: calendar names may hold characters no file name can.
    const QByteArray hash = QCryptographicHash::hash(source.toUtf8(), QCryptographicHash::Sha1).toHex().left(16);
    return QDir(m_directory).filePath(QStringLiteral("file-%1.ics").arg(QString::fromLatin1(hash)));
}

Status ImportedFileCache::remember(const QString &source, const QString &path, const QDateTime &when)
{
    if (!QDir().mkpath(m_directory))
        return Status::failure(Error::Code::Io, Text::tr("Fermata could not create %1.").arg(m_directory));
    const QString copy = copyPath(source);
    if (QFileInfo(path).absoluteFilePath() != QFileInfo(copy).absoluteFilePath()) {
        // Replaced whole and flushed (QSaveFile): the previous copy stays until the new one is on disk.
        QFile in(path);
        QSaveFile out(copy);
        if (!in.open(QIODevice::ReadOnly) || !out.open(QIODevice::WriteOnly))
            return Status::failure(Error::Code::Io, Text::tr("Fermata could not keep a copy of %1 in %2.")
                                                        .arg(QFileInfo(path).fileName(), m_directory));
        bool copied = true;
        while (copied && !in.atEnd()) {
            const QByteArray chunk = in.read(1 << 20);
            copied = !chunk.isEmpty() && out.write(chunk) == chunk.size();
        }
        if (!copied || !out.commit())
            return Status::failure(Error::Code::Io, Text::tr("Fermata could not write %1 (%2).")
                                                        .arg(copy, out.errorString()));
    }
    QList<Entry> all = entries();
    all.erase(std::remove_if(all.begin(), all.end(), [&](const Entry &e) { return e.source == source; }),
              all.end());
    all.append({source, copy, when});
    return write(all);
}

Status ImportedFileCache::touch(const QString &source, const QDateTime &when)
{
    QList<Entry> all = entries();
    for (Entry &entry : all) {
        if (entry.source == source)
            entry.importedAt = when;
    }
    return write(all);
}

void ImportedFileCache::forget(const QString &source)
{
    QList<Entry> all = entries();
    const auto gone = std::remove_if(all.begin(), all.end(), [&](const Entry &e) { return e.source == source; });
    if (gone == all.end())
        return;
    all.erase(gone, all.end());
    QFile::remove(copyPath(source));
    (void)write(all);
}

QList<ImportedFileCache::Entry> ImportedFileCache::entries() const
{
    QFile file(indexPath(m_directory));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QList<Entry> result;
    const QJsonArray array = QJsonDocument::fromJson(file.readAll()).array();
    for (const QJsonValue &value : array) {
        const QJsonObject object = value.toObject();
        Entry entry{object.value(QStringLiteral("source")).toString(),
                    QDir(m_directory).filePath(object.value(QStringLiteral("copy")).toString()),
                    QDateTime::fromString(object.value(QStringLiteral("imported_at")).toString(), Qt::ISODate)};
        if (!entry.source.isEmpty() && QFile::exists(entry.copyPath))
            result.append(entry);
    }
    return result;
}

QList<ImportedFileCache::Entry> ImportedFileCache::stale(const QDateTime &now, int maxAgeDays) const
{
    QList<Entry> result;
    for (const Entry &entry : entries()) {
        if (!entry.importedAt.isValid() || entry.importedAt.addDays(maxAgeDays) <= now)
            result.append(entry);
    }
    return result;
}

Status ImportedFileCache::write(const QList<Entry> &entries) const
{
    QJsonArray array;
    for (const Entry &entry : entries) {
        array.append(QJsonObject{{QStringLiteral("source"), entry.source},
                                 {QStringLiteral("copy"), QFileInfo(entry.copyPath).fileName()},
                                 {QStringLiteral("imported_at"), entry.importedAt.toUTC().toString(Qt::ISODate)}});
    }
    QSaveFile file(indexPath(m_directory));
    const QByteArray bytes = QJsonDocument(array).toJson();
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        return Status::failure(Error::Code::Io, Text::tr("Fermata could not write %1 (%2).")
                                                    .arg(file.fileName(), file.errorString()));
    return {};
}

} // namespace fermata
