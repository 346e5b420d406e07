<?php
// Debian's php-pubsubhubbub-publisher: php websub-publisher.php <hub URL> <topic URL>...
// Pings the hub with hub.mode=publish and a hub.url per topic. The library counts only a 204
// as success: prints "published" and exits 0, or prints the hub's answer and exits 1.
require '/usr/share/php/Pubsubhubbub/Publisher/autoload.php';

use pubsubhubbub\publisher\Publisher;

$publisher = new Publisher($argv[1]);
if ($publisher->publish_update(array_slice($argv, 2))) {
    echo "published\n";
    exit(0);
}
echo "refused: ", $publisher->last_response(), "\n";
exit(1);
