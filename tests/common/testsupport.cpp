#include "testsupport.h"

#include <QDir>
#include <QFileInfo>
#include <QTest>

namespace sk::test {

QString sourceDir()
{
    return QStringLiteral(STOREKEEP_SOURCE_DIR);
}

QString binaryDir()
{
    return QStringLiteral(STOREKEEP_BINARY_DIR);
}

QString sharedDir()
{
    const QString env = qEnvironmentVariable("STOREKEEP_SHARED_DIR");
    const QString dir = env.isEmpty() ? QStringLiteral(STOREKEEP_SHARED_DIR) : env;
    return QFileInfo(dir).isDir() ? QDir(dir).canonicalPath() : QString();
}

StoreIdentity testIdentity(const QString &shop)
{
    return StoreIdentity{QStringLiteral("http://127.0.0.1:1"), shop, QStringLiteral("user-test")};
}

QString TempStore::path() const
{
    return store ? store->path() : QString();
}

std::unique_ptr<TempStore> makeTempStore()
{
    auto temp = std::make_unique<TempStore>();
    if (!temp->dir.isValid())
        return nullptr;
    auto opened = ShopStore::open(temp->dir.filePath(QStringLiteral("shop.sqlite")), testIdentity());
    if (!opened.ok()) {
        qWarning("makeTempStore: %s", qPrintable(opened.error().toString()));
        return nullptr;
    }
    temp->store = std::move(opened).value();
    return temp;
}

} // namespace sk::test
