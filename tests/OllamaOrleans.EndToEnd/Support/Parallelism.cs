// The four waiting lanes at once, not one per core: their tests mostly sleep.
[assembly: CollectionBehavior(MaxParallelThreads = 4)]
