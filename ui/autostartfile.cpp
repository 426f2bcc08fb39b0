#include "autostartfile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

namespace fermata::autostartfile {

namespace {

// The words people read, in the context both file-based entries have always used.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(AutostartEntry)
};

} // namespace

Status write(const QString &directory, const QString &path, const QByteArray &contents)
{
    QSaveFile file(path);
    if (!QDir().mkpath(directory) || !file.open(QIODevice::WriteOnly) || file.write(contents) != contents.size()
        || !file.commit())
        return Status::failure(Error::Code::Io, Text::tr("Fermata could not write %1 (%2).")
                                                    .arg(QDir::toNativeSeparators(path), file.errorString()));
    return {};
}

Status remove(const QString &path)
{
    if (QFileInfo::exists(path) && !QFile::remove(path))
        return Status::failure(Error::Code::Io,
                               Text::tr("Fermata could not remove %1, so it would still start when you log in. "
                                        "Check the folder's permissions.")
                                   .arg(QDir::toNativeSeparators(path)));
    return {};
}

} // namespace fermata::autostartfile
