"""Write actions: what each key does, where it applies, and the one flow that runs them."""
