{{ union_all([ref('people'), ref('extra_people')]) }}
