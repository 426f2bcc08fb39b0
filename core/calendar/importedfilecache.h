#pragma once

#include "result.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace fermata {

// Copies of imported .ics files, kept so a file calendar can be imported again after the
// person's file is gone (series are stored as rules, so this is no longer needed to see later
// occurrences; an unchanged copy is not read again). One copy per calendar name in the cache
// folder, listed with its import time in index.json.
class ImportedFileCache final
{
public:
    explicit ImportedFileCache(QString directory);

    struct Entry
    {
        QString source;     // the calendar name
        QString copyPath;   // the kept copy
        QDateTime importedAt;
        bool operator==(const Entry &) const = default;
    };

    // Keeps a copy of `path` for `source` (replacing an older one) and records `when`.
    Status remember(const QString &source, const QString &path, const QDateTime &when);
    // Records a re-import of the kept copy.
    Status touch(const QString &source, const QDateTime &when);
    void forget(const QString &source);
    QList<Entry> entries() const;
    // Calendars imported more than `maxAgeDays` before `now`.
    QList<Entry> stale(const QDateTime &now, int maxAgeDays = 7) const;
    QString copyPath(const QString &source) const;

private:
    Status write(const QList<Entry> &entries) const;

    QString m_directory;
};

} // namespace fermata
