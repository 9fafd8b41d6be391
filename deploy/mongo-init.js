// Make mongo1..3 the replica set rs0 (run by the mongo-init service; safe to run again).
try {
  rs.status();
  print("replica set rs0 already initiated");
} catch (e) {
  rs.initiate({
    _id: "rs0",
    members: [
      { _id: 0, host: "mongo1:27017", priority: 2 },
      { _id: 1, host: "mongo2:27017" },
      { _id: 2, host: "mongo3:27017" },
    ],
  });
}
// Wait for a primary, so the bots start against a writable set.
while (!db.hello().isWritablePrimary && !db.hello().primary) {
  sleep(500);
}
print("replica set rs0 has a primary: " + db.hello().primary);
